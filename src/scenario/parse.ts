// Scenario text to a validated Scenario, without touching the file system: shared by the command
// line (load.ts reads the files) and the browser (which has the text already).

import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import * as z from 'zod';
import { ScenarioError, describeValue, joinPath, type InputProblem } from './errors.js';
import { checkReferences } from './references.js';
import { fact, scenarioSchema, type Fact, type Scenario } from './schema.js';
import { zodProblems } from './zod-problems.js';

/** Parses YAML (a superset of JSON) in its safe core schema: no custom tags, no code; alias expansion bounded. */
export function parseText(file: string, text: string): unknown {
  let doc: ReturnType<typeof parseDocument>;
  const lines = new LineCounter();
  try {
    doc = parseDocument(text, { schema: 'core', merge: false, prettyErrors: false, uniqueKeys: true, lineCounter: lines });
  } catch (error) {
    // The parser recurses: absurd nesting exhausts the stack rather than producing a parse error.
    throw new ScenarioError(file, [{ path: '', message: `could not be read: ${error instanceof RangeError ? 'nested too deeply' : (error as Error).message}` }]);
  }
  const tags = doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tags.length > 0) {
    throw new ScenarioError(
      file,
      tags.map((w) => ({ path: '', message: `custom YAML tags are not allowed (plain values only)${where(w, text, lines)}` })),
    );
  }
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      file,
      doc.errors.map((e) => ({ path: '', message: `not valid YAML or JSON: ${e.message.split('\n')[0]}${where(e, text, lines)}` })),
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

/** Where a parse problem is, as line and column, and the text there (a duplicated key, say). */
function where(error: YAMLError, text: string, lines: LineCounter): string {
  const [start, end] = error.pos;
  const { line, col } = lines.linePos(start);
  // A duplicated key is reported at its first character: name the whole key.
  const rest = text.slice(start, start + 80).split('\n')[0];
  const at = error.code === 'DUPLICATE_KEY' ? `, key "${rest.split(':')[0].trim()}"` : end > start + 1 ? `, at "${text.slice(start, Math.min(end, start + 40)).split('\n')[0].trim()}"` : '';
  return ` (line ${line}, column ${col}${at})`;
}

/** The facts registry from the text of a facts file (a YAML list of facts). */
export function parseFacts(file: string, text: string): Map<string, Fact> {
  return factsFrom(file, parseText(file, text));
}

/** The facts registry from a facts file's parsed document; `file` only labels the errors. */
export function factsFrom(file: string, document: unknown): Map<string, Fact> {
  const parsed = z.array(fact).safeParse(document);
  if (!parsed.success) throw new ScenarioError(file, zodProblems(parsed.error.issues, undefined));
  const facts = new Map<string, Fact>();
  for (const f of parsed.data) facts.set(f.id, f);
  return facts;
}

/** Validates an already-parsed document; `file` only labels the errors. */
export function validateScenarioWith(document: unknown, file: string, facts: ReadonlyMap<string, Fact>): Scenario {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new ScenarioError(file, [{ path: '', message: `expected a mapping of scenario fields, got ${describeValue(document)}` }]);
  }
  const prototypeKeys = prototypeKeyProblems(document);
  if (prototypeKeys.length > 0) throw new ScenarioError(file, prototypeKeys);
  const parsed = scenarioSchema.safeParse(document);
  if (!parsed.success) throw new ScenarioError(file, zodProblems(parsed.error.issues, document));
  const problems: InputProblem[] = checkReferences(parsed.data, facts, document);
  if (problems.length > 0) throw new ScenarioError(file, problems);
  return parsed.data;
}


/**
 * Every "__proto__" key of the document. YAML and JSON give it as an own key, but the schema's
 * records drop it without a word (a share or a citation would vanish), so it is refused first.
 */
function prototypeKeyProblems(document: unknown): InputProblem[] {
  const problems: InputProblem[] = [];
  const pending: [unknown, PropertyKey[]][] = [[document, []]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, path] = next;
    if (node === null || typeof node !== 'object') continue;
    for (const [key, child] of Object.entries(node)) {
      const at = [...path, Array.isArray(node) ? Number(key) : key];
      if (key === '__proto__') problems.push({ path: joinPath(at), message: 'is not a field name: "__proto__" names an object\'s prototype' });
      else pending.push([child, at]);
    }
  }
  return problems;
}
