// The finished run's files, made in the page with the command line's own writers and handed to the
// browser as downloads: the same bytes `mppsim run` and `mppsim compare` write.

import { page } from './page-state.js';
import { comparisonCsvOf, dailyCsvOf, replicationsCsvOf, summaryCsvOf } from './results.js';

export function download(name: string): void {
  const f = page.finished;
  if (!f) return;
  const files: Record<string, () => [string, string, string]> = {
    'summary.csv': () => ['summary.csv', summaryCsvOf(f.run), 'text/csv'],
    'daily.csv': () => ['daily.csv', dailyCsvOf(f.run), 'text/csv'],
    'replications.csv': () => ['replications.csv', replicationsCsvOf(f.run), 'text/csv'],
    'comparison.csv': () => ['comparison.csv', comparisonCsvOf(f.comparison ?? []), 'text/csv'],
    'scenario.yaml': () => [`${f.edited.name}.yaml`, f.edited.text, 'application/yaml'],
    'scenario.json': () => [`${f.edited.name}.json`, f.edited.json, 'application/json'],
  };
  const make = files[name];
  if (!make) return;
  const [fileName, text, type] = make();
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
