// Reads scenario and facts files (YAML or JSON) and validates them (parse.ts): a typed Scenario, or
// one ScenarioError listing every problem found.

import { fileURLToPath } from 'node:url';
import { bundledScenarioFile } from './bundled-files.js';
import { ScenarioError } from './errors.js';
import { factsFrom, parseFacts, parseText, validateScenarioWith } from './parse.js';
import { preparsedFacts } from './preparsed-facts.js';
import { MAX_SCENARIO_BYTES, decodeScenarioBytes } from './scenario-bytes.js';
import type { Fact, Scenario } from './schema.js';
import { readInputFile } from './read-input.js';

export { parseText };

export const BUNDLED_FACTS_FILE = fileURLToPath(new URL('../../seeds/facts.yaml', import.meta.url));

/** The facts (id -> figure with its source) that citations may name: seeds/facts.yaml unless another file is given. Throws ScenarioError. */
export function loadFacts(file = BUNDLED_FACTS_FILE): Map<string, Fact> {
  const text = readText(file);
  // Every scenario read needs the bundled facts, and their YAML takes longer to parse than most scenarios.
  const document = file === BUNDLED_FACTS_FILE ? preparsedFacts(text) : undefined;
  return document === undefined ? parseFacts(file, text) : factsFrom(file, document);
}

function readText(file: string, bundled?: string): string {
  // The size limit and its words are scenario-bytes.ts's, shared with the what-if page.
  const limit = { maxBytes: MAX_SCENARIO_BYTES, expected: 'a scenario file' };
  let read = readInputFile(file, limit);
  if ('problem' in read && read.missing && bundled) read = readInputFile(bundled, limit);
  if ('problem' in read) throw new ScenarioError(file, [{ path: '', message: read.problem + (read.missing && isBareName(file) ? ", nor a bundled scenario's name (see mppsim scenarios)" : '') }]);
  return decodeScenarioBytes(file, read.bytes);
}

/** A name such as `baseline` rather than a path: what may have been meant as a bundled scenario's. */
function isBareName(file: string): boolean {
  return /^[a-z0-9][a-z0-9-]*$/.test(file);
}

/** Validates an already-parsed document against the schema and references; `file` only labels the errors. */
export function validateScenario(document: unknown, file: string, facts: ReadonlyMap<string, Fact> = loadFacts()): Scenario {
  return validateScenarioWith(document, file, facts);
}

/**
 * The file's document before validation: what variants and sweeps edit before validating again. A
 * name that is no file but a bundled scenario's (`baseline-tucson-el-paso`) reads that scenario, so
 * `mppsim run NAME` works from any folder; errors keep the name the user gave.
 */
export function loadDocument(file: string): unknown {
  return parseText(file, readText(file, bundledScenarioFile(file)));
}

/**
 * Reads a scenario file (YAML or JSON) and validates it against the schema and its references (sectors,
 * routes, ports, cited facts): the typed Scenario with defaults filled in, or a ScenarioError listing
 * every problem, each with the file and field path.
 */
export function loadScenario(file: string, facts?: ReadonlyMap<string, Fact>): Scenario {
  return validateScenario(loadDocument(file), file, facts ?? loadFacts());
}
