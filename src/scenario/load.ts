// Reads scenario and facts files (YAML or JSON) and validates them (parse.ts): a typed Scenario, or
// one ScenarioError listing every problem found.

import { fileURLToPath } from 'node:url';
import { ScenarioError } from './errors.js';
import { parseFacts, parseText, validateScenarioWith } from './parse.js';
import type { Fact, Scenario } from './schema.js';
import { readInputFile } from './read-input.js';
import { unsimulatedTimeline } from './timeline-references.js';

export { parseText };

export const BUNDLED_FACTS_FILE = fileURLToPath(new URL('../../seeds/facts.yaml', import.meta.url));

export function loadFacts(file = BUNDLED_FACTS_FILE): Map<string, Fact> {
  return parseFacts(file, readText(file));
}

/** Scenario files are a few kilobytes; anything this large is a mistake (or an attack), refused before parsing. */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

function readText(file: string): string {
  const read = readInputFile(file, { maxBytes: MAX_SCENARIO_BYTES, expected: 'a scenario file' });
  if ('problem' in read) throw new ScenarioError(file, [{ path: '', message: read.problem }]);
  const bytes = read.bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ScenarioError(file, [{ path: '', message: 'expected UTF-8 text, found bytes that are not' }]);
  }
}

/** Validates an already-parsed document against the schema and references; `file` only labels the errors. */
export function validateScenario(document: unknown, file: string, facts: ReadonlyMap<string, Fact> = loadFacts()): Scenario {
  return validateScenarioWith(document, file, facts);
}

/** The file's document before validation: what variants and sweeps edit before validating again. */
export function loadDocument(file: string): unknown {
  return parseText(file, readText(file));
}

export function loadScenario(file: string, facts?: ReadonlyMap<string, Fact>): Scenario {
  const scenario = validateScenario(loadDocument(file), file, facts ?? loadFacts());
  const unsimulated = unsimulatedTimeline(scenario);
  if (unsimulated.length > 0) throw new ScenarioError(file, unsimulated);
  return scenario;
}
