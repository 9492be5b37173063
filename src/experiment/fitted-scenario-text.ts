// The fitted scenario as text: the original file with each fitted number replaced where it stands,
// a comment on its line saying where it came from, and its citation rewritten, so that the file's
// layout and every other comment survive (re-printing the parsed document would reflow them all).

import { isMap, isScalar, parseDocument, type Document, type Pair } from 'yaml';

export interface FittedEdit {
  path: readonly string[];
  value: number;
}

export interface FittedCitation {
  /** Facts the fitted values rest on; none makes the citation an assumption. */
  facts: readonly string[];
  note: string;
}

interface Splice {
  from: number;
  to: number;
  text: string;
}

/**
 * `text` with the edits' values set, each line of a set value ending in `# comment`, and `citation`
 * under the nearest cited field of each edit (or the edit's own path when none of it is cited).
 */
export function fittedScenarioText(text: string, edits: readonly FittedEdit[], comment: string, citation: FittedCitation): string {
  const doc = parseDocument(text, { schema: 'core', keepSourceTokens: false });
  const splices: Splice[] = [];
  const commented = new Set<number>();
  for (const edit of edits) {
    const node = doc.getIn(edit.path, true);
    if (!isScalar(node) || !node.range) throw new Error(`fitted scenario: ${edit.path.join('.')} is not a number of the file`);
    const [start, end] = node.range;
    splices.push({ from: start, to: end, text: String(edit.value) });
    const lineEnd = text.indexOf('\n', end) === -1 ? text.length : text.indexOf('\n', end);
    if (commented.has(lineEnd)) continue;
    commented.add(lineEnd);
    // A comment already on the line (a hand-set value's reason) is replaced: it no longer holds.
    const hash = text.slice(end, lineEnd).indexOf('#');
    splices.push(hash === -1 ? { from: lineEnd, to: lineEnd, text: ` # ${comment}` } : { from: end + hash, to: lineEnd, text: `# ${comment}` });
  }
  splices.push(...citationSplices(doc, text, edits.map((e) => e.path.join('.')), citation));
  splices.sort((a, b) => b.from - a.from || b.to - a.to);
  let out = text;
  for (const s of splices) out = out.slice(0, s.from) + s.text + out.slice(s.to);
  return out;
}

/** One line of YAML for a citation: a flow map whose note is a JSON (so YAML double-quoted) string. */
function citationText(c: FittedCitation): string {
  return c.facts.length > 0 ? `{ facts: [${c.facts.join(', ')}], note: ${JSON.stringify(c.note)} }` : `{ assumption: ${JSON.stringify(c.note)} }`;
}

function citationSplices(doc: Document, text: string, paths: readonly string[], citation: FittedCitation): Splice[] {
  const citations = doc.get('citations', true);
  const pairs = isMap(citations) ? (citations.items as Pair[]) : [];
  const keyOf = (p: Pair): string => (isScalar(p.key) ? String(p.key.value) : '');
  const cited = new Map(pairs.map((p) => [keyOf(p), p]));
  const targets = new Set<string>();
  for (const path of paths) {
    const parts = path.split('.');
    const ancestor = parts.map((_, n) => parts.slice(0, parts.length - n).join('.')).find((key) => cited.has(key));
    targets.add(ancestor ?? path);
  }
  const line = citationText(citation);
  const splices: Splice[] = [];
  const added: string[] = [];
  for (const key of targets) {
    const pair = cited.get(key);
    if (!pair) {
      added.push(key);
      continue;
    }
    const keyEnd = isScalar(pair.key) && pair.key.range ? pair.key.range[1] : undefined;
    const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
    if (keyEnd === undefined || !valueRange) throw new Error(`fitted scenario: cannot rewrite the citation of ${key}`);
    // The old value may span several lines (a block map, a folded note); end at its last character.
    const valueEnd = keyEnd + text.slice(keyEnd, valueRange[1]).trimEnd().length;
    splices.push({ from: keyEnd, to: valueEnd, text: `: ${line}` });
  }
  if (added.length > 0) {
    const entries = added.map((key) => `  ${key}: ${line}\n`).join('');
    if (isMap(citations) && citations.range && !citations.flow) {
      const at = citations.range[1];
      splices.push({ from: at, to: at, text: text.slice(0, at).endsWith('\n') ? entries : `\n${entries}` });
    } else if (!citations) {
      splices.push({ from: text.length, to: text.length, text: `${text.endsWith('\n') ? '' : '\n'}citations:\n${entries}` });
    } else {
      throw new Error('fitted scenario: citations is not a block mapping, so the fitted values cannot be cited in place');
    }
  }
  return splices;
}
