// The parameters sheet: each parameter of the scenario as run, one row per fact it cites (value,
// unit, date, source) or with its stated assumption; the report's parameter table, flattened.

import { loadFacts } from '../scenario/index.js';
import { parameterRows } from './report/parameters.js';
import { typedCell, type XlsxValue } from './xlsx-cells.js';

export const PARAMETER_COLUMNS = [
  'parameter', 'value', 'cited at', 'source kind', 'fact', 'fact value', 'fact unit', 'fact date', 'source', 'url', 'assumption', 'note',
] as const;

export function parameterSheetRows(scenario: Record<string, unknown>): XlsxValue[][] {
  const rows: XlsxValue[][] = [];
  for (const p of parameterRows(scenario, loadFacts())) {
    const value = typedCell('value', p.value);
    if (p.citations.length === 0) rows.push([p.path, value, ...Array<null>(10).fill(null)]);
    for (const c of p.citations) {
      const facts = c.facts.length > 0 ? c.facts : [undefined];
      for (const f of facts) {
        rows.push([
          p.path,
          value,
          c.path,
          c.kind,
          f?.id ?? null,
          f?.fact ? typedCell('fact value', String(f.fact.value)) : null,
          f?.fact?.unit || null,
          f?.fact ? typedCell('date', f.fact.date) : null,
          f?.fact?.source ?? null,
          f?.fact?.url ?? null,
          c.assumption ?? null,
          c.note ?? f?.fact?.note ?? null,
        ]);
      }
    }
  }
  return rows;
}
