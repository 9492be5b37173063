// The citations of values edited on the page: a downloaded scenario must not cite a source for a
// number that source never gave. Each citation covering an edited field keeps its facts and says
// the value was edited, from what, and what the cited source gave.

import { isMap, type Document } from 'yaml';
import type { Fact } from '../../src/scenario/schema.js';
import type { FieldPath, Lever } from './levers.js';

type Citation = { fact?: string; facts?: string[]; note?: string; assumption?: string };

/** What the page did to a lever's value, for its citation. */
export function editedNote(lever: Lever, value: number): string {
  if (lever.key === 'arrivalScale') return `edited on the what-if page: the published values \u00d7 ${value}`;
  return `edited on the what-if page from ${lever.published} to ${value} (${lever.unit})`;
}

/** Rewrites, in the document, every citation that covers a field an edited lever changed. */
export function markEditedCitations(doc: Document, levers: readonly Lever[], values: ReadonlyMap<string, number>, facts: ReadonlyMap<string, Fact>): void {
  const citations = doc.get('citations', true);
  if (!isMap(citations)) return;
  const keys = citations.items.map((pair) => String((pair.key as { value?: unknown } | null)?.value ?? pair.key));
  const own = ownFacts(doc);
  // Several levers may edit fields under one citation (a port's cap periods): one note for all.
  const notes = new Map<string, string[]>();
  for (const lever of levers) {
    const value = values.get(lever.key);
    if (value === undefined || value === lever.published) continue;
    const paths = lever.edits(value).map((edit) => edit.path);
    for (const key of keys.filter((k) => paths.some((path) => covers(k, path)))) notes.set(key, [...(notes.get(key) ?? []), editedNote(lever, value)]);
  }
  for (const [key, note] of notes) {
    const cited = (doc.getIn(['citations', key]) as { toJSON?: () => unknown } | undefined)?.toJSON?.() as Citation | undefined;
    if (cited) doc.setIn(['citations', key], doc.createNode(editedCitation(cited, note.join('; '), (id) => own.get(id) ?? facts.get(id))));
  }
}

/** A citation keyed by a field path covers that field and everything below it. */
function covers(key: string, path: FieldPath): boolean {
  const field = path.join('.');
  return field === key || field.startsWith(`${key}.`);
}

export function editedCitation(cited: Citation, note: string, factOf: (id: string) => Fact | undefined): Citation {
  if (cited.assumption !== undefined) return { assumption: `${note}; the published value was an assumption: ${cited.assumption}` };
  const ids = cited.fact !== undefined ? [cited.fact] : (cited.facts ?? []);
  const gave = ids.map((id) => {
    const fact = factOf(id);
    return fact ? `${fact.value} ${fact.unit} (${id}, ${fact.date})` : id;
  });
  const published = cited.note ? `. Published note: ${cited.note}` : '';
  const edited = `${note}; the cited source gave ${gave.join('; ')}${published}`;
  return cited.fact !== undefined ? { fact: cited.fact, note: edited } : { facts: ids, note: edited };
}

function ownFacts(doc: Document): Map<string, Fact> {
  const list = doc.toJS({ maxAliasCount: 1000 })?.facts;
  return new Map(Array.isArray(list) ? (list as Fact[]).map((f) => [f.id, f]) : []);
}
