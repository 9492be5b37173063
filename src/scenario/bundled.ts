// The scenarios shipped with mppsim, validated, with what `mppsim scenarios` lists of each: a user
// of the installed package can see them and copy one to start from.

import { join } from 'node:path';
import { BUNDLED_SCENARIOS_DIR, bundledScenarioNames } from './bundled-files.js';
import { loadFacts, loadScenario } from './load.js';

export { BUNDLED_SCENARIOS_DIR, bundledScenarioFile, bundledScenarioNames } from './bundled-files.js';

export interface BundledScenario {
  /** The file's name without `.yaml`: what `mppsim scenarios NAME` and `mppsim run NAME` take. */
  name: string;
  file: string;
  title: string;
  /** Day 0 (ISO date) and the horizon in days. */
  start: string;
  days: number;
}

/** Every bundled scenario, validated (a bundled file that fails its own schema is a bug worth hearing of). */
export function bundledScenarios(): BundledScenario[] {
  const facts = loadFacts();
  return bundledScenarioNames().map((name) => {
    const file = join(BUNDLED_SCENARIOS_DIR, `${name}.yaml`);
    const s = loadScenario(file, facts);
    return { name, file, title: s.title ?? s.name, start: s.start, days: s.days };
  });
}
