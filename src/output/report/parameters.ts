// The scenario's parameters as rows, each with where its value comes from: the cited facts (value,
// date, source) or the stated assumption. Citations map field paths, or prefixes of them, to
// {fact}|{facts}|{assumption}, optionally with a note; the longest matching prefix applies.

import type { Fact } from '../../scenario/index.js';
import { formatNumber } from '../format.js';
import { isFormatDefault } from './format-defaults.js';

export interface ParameterRow {
  /** Dotted field path, as citations name it. */
  path: string;
  value: string;
  /** The citations that apply: the one covering this path, and any naming fields inside a compact value. */
  citations: ResolvedCitation[];
  /** The value is the one the loader fills in when a file leaves the field out. */
  formatDefault: boolean;
}

export interface ResolvedCitation {
  /** The citation's own path (equal to, a prefix of, or inside the row's path). */
  path: string;
  kind: 'fact' | 'assumption';
  assumption?: string;
  note?: string;
  facts: CitedFact[];
}

export interface CitedFact {
  id: string;
  /** Undefined when the id is no longer in the facts registry. */
  fact: Fact | undefined;
}

type Citation = { fact?: string; facts?: string[]; assumption?: string; note?: string };

/** Fields that describe rather than parameterise, and the scenario's own bookkeeping. */
const SKIPPED_TOP = new Set(['$schema', 'name', 'title', 'description', 'facts', 'citations']);

export function parameterRows(scenario: Record<string, unknown>, bundledFacts: ReadonlyMap<string, Fact>): ParameterRow[] {
  const facts = new Map(bundledFacts);
  // A scenario's own facts are the more specific ones where an id is in both.
  for (const f of asArray(scenario.facts)) if (isFact(f)) facts.set(f.id, f);
  const citations = Object.entries((scenario.citations ?? {}) as Record<string, Citation>);
  const rows: ParameterRow[] = [];
  const visit = (value: unknown, path: string): void => {
    if (isCompact(value)) {
      rows.push({ path, value: formatValue(value), citations: citationsFor(path, citations, facts), formatDefault: isFormatDefault(path, value) });
      return;
    }
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'description' && typeof child === 'string') continue;
      visit(child, path ? `${path}.${key}` : key);
    }
  };
  for (const [key, value] of Object.entries(scenario)) if (!SKIPPED_TOP.has(key)) visit(value, key);
  return rows;
}

/** Values shown on one line: scalars, lists, distributions, weighted group sizes, opening hours. */
function isCompact(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return true;
  const keys = Object.keys(value);
  if (keys.length === 0) return true;
  return 'dist' in value || (keys.includes('values') && keys.includes('weights')) || (keys.includes('open') && keys.includes('close'));
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    return value.map((v) => (v !== null && typeof v === 'object' ? `(${formatValue(v)})` : formatValue(v))).join(', ');
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return 'none';
  const record = value as Record<string, unknown>;
  if (typeof record.dist === 'string') {
    const rest = entries.filter(([k]) => k !== 'dist');
    return `${record.dist}${rest.length > 0 ? ` (${rest.map(([k, v]) => `${k} ${formatValue(v)}`).join(', ')})` : ''}`;
  }
  if ('open' in record && 'close' in record && entries.length === 2) return `${formatValue(record.open)} to ${formatValue(record.close)}`;
  return entries.map(([k, v]) => `${k} ${Array.isArray(v) ? `[${formatValue(v)}]` : formatValue(v)}`).join(', ');
}

function citationsFor(path: string, citations: readonly [string, Citation][], facts: ReadonlyMap<string, Fact>): ResolvedCitation[] {
  let covering: [string, Citation] | undefined;
  const inside: [string, Citation][] = [];
  for (const entry of citations) {
    const [key] = entry;
    if ((key === path || path.startsWith(`${key}.`)) && (!covering || key.length > covering[0].length)) covering = entry;
    else if (key.startsWith(`${path}.`)) inside.push(entry);
  }
  return [...(covering ? [covering] : []), ...inside.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))].map(([key, c]) =>
    resolve(key, c, facts),
  );
}

function resolve(path: string, citation: Citation, facts: ReadonlyMap<string, Fact>): ResolvedCitation {
  const ids = citation.facts ?? (citation.fact !== undefined ? [citation.fact] : []);
  if (citation.assumption !== undefined) return { path, kind: 'assumption', assumption: citation.assumption, note: citation.note, facts: [] };
  return { path, kind: 'fact', note: citation.note, facts: ids.map((id) => ({ id, fact: facts.get(id) })) };
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isFact(value: unknown): value is Fact {
  return value !== null && typeof value === 'object' && typeof (value as Fact).id === 'string';
}
