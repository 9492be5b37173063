// A small valid scenario as a JSON file, edited by each test into the hostile case it checks.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioInput } from '../../src/scenario/index.js';

/** One sector, 20 people a day and a surge: runs in a few milliseconds a day. */
export function smallScenario(): ScenarioInput {
  return {
    name: 'small',
    title: 'A small scenario',
    start: '2019-11-01',
    days: 10,
    seed: 7,
    categories: { single: { groupSize: 1, mppEligible: true } },
    sectors: {
      a: {
        holdingCapacity: 100,
        arrivals: {
          peoplePerDay: 20,
          mix: { single: 1 },
          surge: { probabilityPerDay: 0.5, people: { dist: 'deterministic', value: 10 }, category: 'single', withinHours: 4 },
        },
        processing: { agents: 2, hoursPerGroup: { dist: 'exponential', mean: 1 } },
      },
    },
  };
}

/** Writes the small scenario, changed by `edit`, to dir/name.json and returns the file's path. */
export function writeSmallScenario(dir: string, name: string, edit: (s: ScenarioInput) => void = () => {}): string {
  const document = smallScenario();
  edit(document);
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(document));
  return file;
}
