// Where the scenarios shipped with mppsim are (scenarios/ beside dist/, in the repository and in the
// installed package alike) and their names; imports nothing, so the loader can find them by name.

import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUNDLED_SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** The bundled scenarios' names (file names without `.yaml`), sorted. */
export function bundledScenarioNames(): string[] {
  return readdirSync(BUNDLED_SCENARIOS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => basename(f, '.yaml'))
    .sort();
}

/** The file of the bundled scenario called `name` (such as 'baseline-tucson-el-paso'), or undefined when there is none. */
export function bundledScenarioFile(name: string): string | undefined {
  return bundledScenarioNames().includes(name) ? join(BUNDLED_SCENARIOS_DIR, `${name}.yaml`) : undefined;
}
