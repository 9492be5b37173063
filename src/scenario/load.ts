// Reads a scenario file (YAML or JSON), validates it against the schema and the reference checks,
// and returns a typed Scenario or throws one ScenarioError listing every problem found.

import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { ScenarioError, describeValue, type InputProblem } from './errors.js';
import { checkReferences } from './references.js';
import { fact, scenarioSchema, type Fact, type Scenario } from './schema.js';
import { zodProblems } from './zod-problems.js';

export const BUNDLED_FACTS_FILE = fileURLToPath(new URL('../../seeds/facts.yaml', import.meta.url));

/** Parses YAML (a superset of JSON) in its safe core schema: no custom tags, no code; alias expansion bounded. */
export function parseText(file: string, text: string): unknown {
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { schema: 'core', merge: false, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    // The parser recurses: absurd nesting exhausts the stack rather than producing a parse error.
    throw new ScenarioError(file, [{ path: '', message: `could not be read: ${error instanceof RangeError ? 'nested too deeply' : (error as Error).message}` }]);
  }
  const tags = doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tags.length > 0) {
    throw new ScenarioError(
      file,
      tags.map((w) => ({ path: '', message: `custom YAML tags are not allowed (plain values only)${lineOf(w.linePos)}` })),
    );
  }
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      file,
      doc.errors.map((e) => ({ path: '', message: `not valid YAML or JSON: ${e.message.split('\n')[0]}${lineOf(e.linePos)}` })),
    );
  }
  try {
    // yaml refuses alias expansion beyond this count ("billion laughs") at once.
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    const message = error instanceof RangeError ? 'nested too deeply' : (error as Error).message;
    throw new ScenarioError(file, [{ path: '', message: `could not be read: ${message}` }]);
  }
}

function lineOf(pos: readonly { line: number; col: number }[] | undefined): string {
  return pos && pos.length > 0 ? ` (line ${pos[0].line}, column ${pos[0].col})` : '';
}

export function loadFacts(file = BUNDLED_FACTS_FILE): Map<string, Fact> {
  const parsed = z.array(fact).safeParse(parseText(file, readText(file)));
  if (!parsed.success) throw new ScenarioError(file, zodProblems(parsed.error.issues, undefined));
  const facts = new Map<string, Fact>();
  for (const f of parsed.data) facts.set(f.id, f);
  return facts;
}

/** Scenario files are a few kilobytes; anything this large is a mistake (or an attack), refused before parsing. */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

function readText(file: string): string {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_SCENARIO_BYTES) {
      throw new ScenarioError(file, [{ path: '', message: `is ${(size / 1048576).toFixed(1)} MB; expected a scenario file of at most ${MAX_SCENARIO_BYTES / 1048576} MB` }]);
    }
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ScenarioError(file, [{ path: '', message: code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})` }]);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ScenarioError(file, [{ path: '', message: 'expected UTF-8 text, found bytes that are not' }]);
  }
}

/** Validates an already-parsed document; `file` only labels the errors. */
export function validateScenario(document: unknown, file: string, facts: ReadonlyMap<string, Fact> = loadFacts()): Scenario {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new ScenarioError(file, [{ path: '', message: `expected a mapping of scenario fields, got ${describeValue(document)}` }]);
  }
  const parsed = scenarioSchema.safeParse(document);
  if (!parsed.success) throw new ScenarioError(file, zodProblems(parsed.error.issues, document));
  const problems: InputProblem[] = checkReferences(parsed.data, facts, document);
  if (problems.length > 0) throw new ScenarioError(file, problems);
  return parsed.data;
}

/** The file's document before validation: what variants and sweeps edit before validating again. */
export function loadDocument(file: string): unknown {
  return parseText(file, readText(file));
}

export function loadScenario(file: string, facts?: ReadonlyMap<string, Fact>): Scenario {
  return validateScenario(loadDocument(file), file, facts ?? loadFacts());
}
