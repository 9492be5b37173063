// The scenario's parameters as an HTML table, each row with its cited facts (value, date, source)
// or its assumption mark, grouped by what they belong to (a sector, a bus route, ...).

import type { Fact } from '../../scenario/index.js';
import { escapeHtml } from './html.js';
import { formatValue, type ParameterRow, type ResolvedCitation } from './parameters.js';

const ENTITY_GROUPS = new Set(['categories', 'sectors', 'busRoutes', 'screenings', 'ports']);

function groupOf(path: string): string {
  const [head, second] = path.split('.');
  return ENTITY_GROUPS.has(head) && second !== undefined ? `${head}.${second}` : 'run';
}

export function parametersTableHtml(rows: readonly ParameterRow[]): string {
  const groups: string[] = [];
  for (const r of rows) if (!groups.includes(groupOf(r.path))) groups.push(groupOf(r.path));
  const body = groups.map((group) => {
    const own = rows.filter((r) => groupOf(r.path) === group);
    const trs = own.map((r) => `<tr><td><code>${escapeHtml(r.path)}</code></td><td>${escapeHtml(r.value)}</td><td>${citationsHtml(r)}</td></tr>`).join('\n');
    return `<tbody><tr><th scope="rowgroup" colspan="3">${escapeHtml(group)}</th></tr>\n${trs}</tbody>`;
  });
  const counts = tally(rows);
  const defaults = counts.formatDefault > 0 ? `, ${counts.formatDefault} are the format's defaults (left out of the file)` : '';
  return `<p class="note">${counts.fact} parameters cite reported facts, ${counts.assumption} rest on stated assumptions${defaults}${counts.uncited > 0 ? `, and ${counts.uncited} are not cited` : ''}. A citation of a field covers everything under it.</p>
<table class="parameters">
<caption>The scenario as run (scenario.json, defaults filled in), with the source of each value.</caption>
<thead><tr><th scope="col">parameter</th><th scope="col">value</th><th scope="col">source</th></tr></thead>
${body.join('\n')}
</table>`;
}

function tally(rows: readonly ParameterRow[]): { fact: number; assumption: number; uncited: number; formatDefault: number } {
  const t = { fact: 0, assumption: 0, uncited: 0, formatDefault: 0 };
  for (const r of rows) {
    const own = r.citations.find((c) => c.path === r.path || r.path.startsWith(`${c.path}.`));
    if (own) t[own.kind] += 1;
    else if (r.formatDefault) t.formatDefault += 1;
    else t.uncited += 1;
  }
  return t;
}

function citationsHtml(row: ParameterRow): string {
  const covering = row.citations.some((c) => c.path === row.path || row.path.startsWith(`${c.path}.`));
  const items = row.citations.map((c) => `<li>${citationHtml(c, row.path)}</li>`);
  if (!covering) items.unshift(row.formatDefault ? '<li><span class="mark default">format default</span>left out of the file</li>' : '<li><span class="mark uncited">not cited</span></li>');
  return `<ul class="citations">${items.join('')}</ul>`;
}

function citationHtml(c: ResolvedCitation, rowPath: string): string {
  const via = c.path === rowPath ? '' : ` <span class="via">(citation of <code>${escapeHtml(c.path)}</code>)</span>`;
  const note = c.note ? ` <span class="source">Note: ${escapeHtml(c.note)}</span>` : '';
  if (c.kind === 'assumption') return `<span class="mark assumption">assumption</span>${escapeHtml(c.assumption ?? '')}${note}${via}`;
  const facts = c.facts.map((f) => (f.fact ? factHtml(f.fact) : `<span class="mark uncited">unknown fact</span><code>${escapeHtml(f.id)}</code>`));
  return `${facts.join('<br>')}${note}${via}`;
}

function factHtml(f: Fact): string {
  const value = `${typeof f.value === 'number' ? formatValue(f.value) : escapeHtml(f.value)} ${escapeHtml(f.unit)}`;
  // Only web addresses become links; anything else (a scenario's own fact may say anything) stays text.
  const url = f.url ? (/^https?:\/\//.test(f.url) ? ` <a href="${escapeHtml(f.url)}" rel="noreferrer">${escapeHtml(f.url)}</a>` : ` ${escapeHtml(f.url)}`) : '';
  // Facts about data sets carry long notes (which rows, which columns): folded, to keep the table scannable.
  const note = f.note ? `<details><summary>about this fact</summary>${escapeHtml(f.note)}</details>` : '';
  // A fact without a date says none, rather than "n/a".
  const date = f.date.trim() === '' || /^n\/?a$/i.test(f.date.trim()) ? '' : `, ${escapeHtml(f.date)}`;
  return `<span class="mark fact">fact</span><strong>${value}</strong>${date} <span class="source">— ${escapeHtml(f.source)}</span>${url} <code>${escapeHtml(f.id)}</code>${note}`;
}
