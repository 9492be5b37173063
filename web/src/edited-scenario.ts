// The scenario as edited on the page: the published text with the levers' edits applied to its YAML
// document (comments kept), then validated exactly as `mppsim run` reads a file — so the text the
// page offers for download is the scenario it ran, and a CLI run of it gives the same numbers.

import { isScalar, parseDocument, type Document } from 'yaml';
import { ScenarioError } from '../../src/scenario/errors.js';
import { parseText, validateScenarioWith } from '../../src/scenario/parse.js';
import type { Fact, Scenario } from '../../src/scenario/schema.js';
import { markEditedCitations } from './edited-citations.js';
import type { Edit, Lever } from './levers.js';

export interface Settings {
  seed: number;
  replications: number;
}

export interface EditedScenario {
  /** The edited document as YAML: what "download scenario" saves. */
  text: string;
  /** The same document as JSON. */
  json: string;
  name: string;
  /** Whether any lever differs from the published value. */
  edited: boolean;
  /** The scenario as validated, or the problems found, as the CLI would report them. */
  scenario?: Scenario;
  error?: ScenarioError;
}

/** The edits for lever values differing from the published ones, in lever order. */
export function leverEdits(levers: readonly Lever[], values: ReadonlyMap<string, number>): Edit[] {
  return levers.flatMap((lever) => {
    const value = values.get(lever.key);
    return value === undefined || value === lever.published ? [] : lever.edits(value);
  });
}

export function editScenario(
  publishedText: string,
  label: string,
  levers: readonly Lever[],
  values: ReadonlyMap<string, number>,
  settings: Settings,
  facts: ReadonlyMap<string, Fact>,
  /** The published text already validated: unchanged, it is the scenario as run (and saves a second validation). */
  published?: Scenario,
): EditedScenario {
  // The same YAML options as parseText, which has already accepted this text (the published scenario).
  const doc = parseDocument(publishedText, { schema: 'core', merge: false, prettyErrors: false, uniqueKeys: true });
  const edits = leverEdits(levers, values);
  for (const edit of edits) setValue(doc, edit);
  markEditedCitations(doc, levers, values, facts);
  const current = doc.toJS({ maxAliasCount: 1000 }) as Record<string, unknown>;
  const edited = edits.length > 0;
  const own = String(current.name ?? 'scenario');
  // A name of its own, so that `mppsim run` of the edited file does not write over the published one's output folder.
  const name = edited && !own.endsWith('-what-if') ? `${own}-what-if` : own;
  const newSeed = current.seed !== settings.seed;
  const newReps = current.replications !== settings.replications;
  if (!edited && !newSeed && !newReps && published) {
    return { text: publishedText, json: `${JSON.stringify(current, null, 2)}\n`, name, edited, scenario: published };
  }
  if (name !== own) setValue(doc, { path: ['name'], value: name });
  if (newSeed) setValue(doc, { path: ['seed'], value: settings.seed });
  if (newReps) setValue(doc, { path: ['replications'], value: settings.replications });
  if (edited || newSeed || newReps) {
    const note = [
      ` Edited on the mppsim what-if page from ${label}:`,
      ...edits.map((e) => `   ${e.path.join('.')}: ${JSON.stringify(e.value)}`),
      ...(newSeed ? [`   seed: ${settings.seed}`] : []),
      ...(newReps ? [`   replications: ${settings.replications}`] : []),
      ` Reproduce the page's figures: mppsim run ${name}.yaml --seed ${settings.seed} --reps ${settings.replications}`,
    ].join('\n');
    doc.commentBefore = doc.commentBefore ? `${note}\n\n${doc.commentBefore}` : note;
  }
  const text = doc.toString();
  const file = edited ? `${label} (as edited)` : label;
  let json = '';
  try {
    // Read back the way `mppsim run` reads the file: the bytes offered are the bytes validated and run.
    const document = parseText(file, text);
    json = `${JSON.stringify(document, null, 2)}\n`;
    return { text, json, name, edited, scenario: validateScenarioWith(document, file, facts) };
  } catch (error) {
    if (error instanceof ScenarioError) return { text, json, name, edited, error };
    throw error;
  }
}

/** Sets one field, keeping the comments and style of a scalar it replaces. */
function setValue(doc: Document, { path, value }: Edit): void {
  const node = doc.getIn(path, true);
  if (isScalar(node) && (value === null || typeof value !== 'object')) {
    node.value = value;
    return;
  }
  const created = doc.createNode(value, { flow: true });
  if (node && typeof node === 'object' && 'comment' in node) created.comment = (node as { comment?: string | null }).comment;
  doc.setIn(path, created);
}
