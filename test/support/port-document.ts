// A scenario with a known answer for the size tests: single people, all enrolled on arrival, returned
// through one port open all day whose daily cap is what is sized.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function portDocument(count: 'deterministic' | 'poisson', peoplePerDay = 80) {
  return {
    name: 'port',
    start: '2019-11-01',
    days: 20,
    seed: 7,
    categories: { single: { groupSize: 1, mppEligible: true } },
    sectors: { s: { holdingCapacity: 100_000, arrivals: { peoplePerDay, count, mix: { single: 1 } }, mpp: { enrolledFraction: 1 }, port: 'p' } },
    ports: { p: { dailyCap: 50 } },
  };
}

/** portDocument written as dir/port.json; returns its path. */
export function writePortScenario(dir: string, count: 'deterministic' | 'poisson'): string {
  const file = join(dir, 'port.json');
  writeFileSync(file, JSON.stringify(portDocument(count)));
  return file;
}
