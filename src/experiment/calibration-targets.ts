// The reported figures a calibration fits to, from a targets file: a YAML list of
//   - { metric: returned, scope: total, value: 4520, tolerance: 50, fact: some-fact-id, heldOut: false }
// `metric` and `scope` name a figure of summary.csv; `tolerance` is how far off the reported figure
// may itself be; held-out targets are reported but not fitted, as a check on the fit.

import * as z from 'zod';
import type { Metric } from '../model/index.js';
import { ScenarioError, loadDocument, loadFacts, type InputProblem } from '../scenario/index.js';
// Not re-exported by scenario/: the same wording of problems for a targets file as for a scenario.
import { describeValue } from '../scenario/errors.js';
import { zodProblems } from '../scenario/zod-problems.js';
import { UsageError } from './errors.js';

const targetSchema = z.strictObject({
  metric: z.string().regex(/^[A-Za-z0-9_]+$/, 'expected a metric name as in summary.csv, such as returned'),
  scope: z.string().min(1).default('total'),
  value: z.number().refine(Number.isFinite, 'expected a finite number'),
  tolerance: z.number().positive(),
  heldOut: z.boolean().default(false),
  fact: z.string().min(1).optional(),
  note: z.string().optional(),
});

export type CalibrationTarget = z.infer<typeof targetSchema>;

export function targetLabel(t: Pick<CalibrationTarget, 'metric' | 'scope'>): string {
  return `${t.metric}.${t.scope}`;
}

/** Reads and checks a targets file: every problem at once, each naming its entry and field. */
export function loadCalibrationTargets(file: string): CalibrationTarget[] {
  const document = loadDocument(file);
  if (!Array.isArray(document)) {
    throw new ScenarioError(file, [{ path: '', message: `expected a list of targets ({metric, scope, value, tolerance}), got ${describeValue(document)}` }]);
  }
  const parsed = z.array(targetSchema).safeParse(document);
  if (!parsed.success) throw new ScenarioError(file, zodProblems(parsed.error.issues, document));
  const targets = parsed.data;
  const problems: InputProblem[] = [];
  const facts = loadFacts();
  targets.forEach((t, i) => {
    if (t.fact !== undefined && !facts.has(t.fact)) problems.push({ path: `[${i}].fact`, message: `expected a fact id of seeds/facts.yaml, got ${describeValue(t.fact)}` });
  });
  if (targets.length > 0 && targets.every((t) => t.heldOut)) problems.push({ path: '', message: 'expected at least one target that is not heldOut: there is nothing to fit' });
  if (targets.length === 0) problems.push({ path: '', message: 'expected at least one target' });
  if (problems.length > 0) throw new ScenarioError(file, problems);
  return targets;
}

/** The target's figure in one replication; a UsageError naming the target when the outputs lack it. */
export function calibrationValue(target: CalibrationTarget, metrics: readonly Metric[]): number {
  const found = metrics.find((m) => m.metric === target.metric && m.scope === target.scope);
  if (!found) throw new UsageError(`target ${targetLabel(target)}: the outputs have no metric ${target.metric} for scope ${target.scope} (see summary.csv for the names)`);
  return found.value;
}
