// summary.csv as an HTML table: each figure with its unit and 95% interval, grouped by scope.

import { escapeHtml, readable } from './html.js';
import type { SummaryEntry } from './read-run-folder.js';

const UNITS: Record<string, string> = {
  arrivals: 'people',
  returned: 'people',
  released: 'people',
  screened_out: 'people',
  other: 'people',
  in_custody_end: 'people',
  boarded: 'people',
  processed: 'people',
  enrolled: 'people',
  bus_arrivals: 'people',
  interviewed: 'people',
  bus_load_factor: 'boarded / seats offered',
  returns_per_day: 'people per day',
  queue_mean: 'people (time-average)',
  queue_max: 'people',
  queue_end: 'people',
  queue_wait_hours_mean: 'hours',
  occupancy_mean: 'people (time-average)',
  occupancy_max: 'people',
  occupancy_end: 'people',
  utilization: 'busy / on-duty hours',
  seats_offered: 'seats',
  departures: 'buses',
  cap_used: 'returned / summed daily caps',
};

export function metricUnit(metric: string): string {
  if (metric.startsWith('wait_hours_')) return 'hours';
  // Own keys only: a metric column read back from a CSV may say "constructor".
  return Object.hasOwn(UNITS, metric) ? UNITS[metric] : '';
}

export function summaryTableHtml(summary: readonly SummaryEntry[]): string {
  const scopes: string[] = [];
  for (const s of summary) if (!scopes.includes(s.scope)) scopes.push(s.scope);
  const groups = scopes.map((scope) => {
    const rows = summary
      .filter((s) => s.scope === scope)
      .map((s) => {
        const interval = s.ciLow !== null && s.ciHigh !== null ? `${readable(s.ciLow)} to ${readable(s.ciHigh)}` : s.n === 1 ? '(1 replication)' : '';
        const mean = s.mean === null ? (s.n === 0 ? 'nobody' : '') : readable(s.mean);
        return `<tr><td><code>${escapeHtml(s.metric)}</code></td><td>${escapeHtml(metricUnit(s.metric))}</td><td class="num">${mean}</td><td class="num">${interval}</td><td class="num">${readable(s.sd)}</td><td class="num">${s.n}</td></tr>`;
      })
      .join('\n');
    return `<tbody><tr><th scope="rowgroup" colspan="6">${escapeHtml(scope)}</th></tr>\n${rows}</tbody>`;
  });
  return `<table class="summary">
<caption>Each figure across replications: mean, 95% Student-t interval of the mean, standard deviation and number of replications with a value (from summary.csv). Scopes are <code>total</code>, a stage id, or an exit for the waits.</caption>
<thead><tr><th scope="col">metric</th><th scope="col">unit</th><th scope="col" class="num">mean</th><th scope="col" class="num">95% interval</th><th scope="col" class="num">sd</th><th scope="col" class="num">n</th></tr></thead>
${groups.join('\n')}
</table>`;
}
