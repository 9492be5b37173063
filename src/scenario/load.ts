// Reads scenario and facts files (YAML or JSON) and validates them (parse.ts): a typed Scenario, or
// one ScenarioError listing every problem found.

import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ScenarioError } from './errors.js';
import { parseFacts, parseText, validateScenarioWith } from './parse.js';
import { checkScenarioSize, decodeScenarioBytes } from './scenario-bytes.js';
import type { Fact, Scenario } from './schema.js';

export { parseText };

export const BUNDLED_FACTS_FILE = fileURLToPath(new URL('../../seeds/facts.yaml', import.meta.url));

export function loadFacts(file = BUNDLED_FACTS_FILE): Map<string, Fact> {
  return parseFacts(file, readText(file));
}

function readText(file: string): string {
  let bytes: Buffer;
  try {
    checkScenarioSize(file, statSync(file).size);
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ScenarioError(file, [{ path: '', message: code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})` }]);
  }
  return decodeScenarioBytes(file, bytes);
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
  return validateScenario(loadDocument(file), file, facts ?? loadFacts());
}
