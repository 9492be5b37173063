// One scenario file with edits from the command line (warmup's --set path=value and --variant
// name:path=value): the document is edited before validation, as compare's variants are, so a
// bad value is reported with its path like any other scenario problem.

import { loadDocument, validateScenario, type Scenario } from '../scenario/index.js';
import { UsageError } from './errors.js';
import { applyOverrides, parseAssignment } from './overrides.js';
import { parseVariant } from './plans.js';

export function editedScenario(file: string, assignments: readonly string[] = [], variantSpecs: readonly string[] = []): Scenario {
  if (variantSpecs.length > 1) throw new UsageError(`--variant: one variant at a time here, got ${variantSpecs.length}`);
  const overrides = assignments.map(parseAssignment);
  const variant = variantSpecs.length === 1 ? parseVariant(variantSpecs[0]) : undefined;
  if (variant) overrides.push(...variant.overrides);
  const where = [variant ? `variant ${variant.name}` : '', assignments.length > 0 ? `--set ${assignments.join(' ')}` : ''].filter(Boolean).join(', ');
  return validateScenario(applyOverrides(loadDocument(file), overrides), where ? `${file} (${where})` : file);
}
