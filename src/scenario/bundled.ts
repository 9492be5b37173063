// The scenarios shipped with mppsim (scenarios/ beside dist/, in the repository and in the installed
// package alike): found by name, so a user of the package can list them and copy one to start from.

import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFacts, loadScenario } from './load.js';

export const BUNDLED_SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export interface BundledScenario {
  /** The file's name without `.yaml`: what `mppsim scenarios NAME` takes. */
  name: string;
  file: string;
  title: string;
  /** Day 0 (ISO date) and the horizon in days. */
  start: string;
  days: number;
}

/** The bundled scenarios' names, sorted; reading no file but the folder's listing. */
export function bundledScenarioNames(): string[] {
  return readdirSync(BUNDLED_SCENARIOS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => basename(f, '.yaml'))
    .sort();
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

/** The file of the bundled scenario called `name`, or undefined when there is none. */
export function bundledScenarioFile(name: string): string | undefined {
  return bundledScenarioNames().includes(name) ? join(BUNDLED_SCENARIOS_DIR, `${name}.yaml`) : undefined;
}
