// Ids named like Object properties ("constructor", "__proto__", "toString", ...) in every place an id
// is defined or referred to: the scenario either runs, balancing and reporting the id as a scope, or
// is refused with the clear validation error (exit 2); never another exception (exit 1). Issue 11 item 14.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/index.js';
import { ScenarioError, validateScenario } from '../../src/scenario/index.js';

/** Written as JSON text so that a "__proto__" key becomes an own key, as a YAML or JSON file gives it. */
const BASE = JSON.stringify({
  name: 'fuzz-ids',
  start: '2019-11-01',
  days: 4,
  seed: 5,
  categories: { family: { groupSize: { values: [2, 3], weights: [1, 1] }, mppEligible: true }, single: { groupSize: 1, mppEligible: true } },
  sectors: {
    tucson: {
      holdingCapacity: 200,
      arrivals: { peoplePerDay: 30, mix: { family: 0.7, single: 0.3 }, surge: { probabilityPerDay: 0.5, people: { dist: 'uniform', min: 5, max: 15 }, category: 'family' } },
      processing: { agents: 2, hoursPerGroup: { dist: 'exponential', mean: 1 } },
      mpp: { enrolledFraction: 0.8, bus: 'tucson-el-paso' },
    },
    'el-paso': {
      holdingCapacity: 300,
      arrivals: { peoplePerDay: 20, mix: { single: 1 } },
      mpp: { enrolledFraction: 0.5, categories: ['single'] },
      port: 'juarez',
      screening: 'uscis',
    },
  },
  busRoutes: { 'tucson-el-paso': { from: 'tucson', to: 'el-paso', departures: ['08:00'], busesPerDeparture: 1, seatsPerBus: 20, travelHours: { dist: 'triangular', min: 4, mode: 5, max: 6 } } },
  screenings: { uscis: { fearFraction: 0.3, officers: 2, interviewMinutes: { dist: 'exponential', mean: 60 }, positiveRate: 0.1 } },
  ports: { juarez: { dailyCap: 30 } },
});

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const NAMES = Object.getOwnPropertyNames(Object.prototype);

/** Each defined id, and the places (as JSON text) that refer to it. */
const IDS = {
  juarez: ['"port":"juarez"'],
  uscis: ['"screening":"uscis"'],
  'tucson-el-paso': ['"bus":"tucson-el-paso"'],
  family: ['"mix":{"family":', '"category":"family"'],
  single: ['"categories":["single"]', '"mix":{"single":'],
  tucson: ['"from":"tucson"'],
  'el-paso': ['"to":"el-paso"'],
} as const;
type Id = keyof typeof IDS;

/** Renames an id everywhere (its definition and every reference), or only in one reference. */
function edit(id: Id, name: string, everywhere: boolean, which: number): string {
  if (everywhere) return BASE.split(`"${id}"`).join(`"${name}"`);
  const place = IDS[id][which % IDS[id].length];
  expect(BASE).toContain(place);
  return BASE.replace(place, place.replace(`"${id}"`, `"${name}"`));
}

/** Loads and runs as the CLI would; `scope`, when given, must be reported (the renamed id was not skipped). */
function outcome(text: string, scope: string | undefined): 'ran' | 'refused' {
  let scenario;
  try {
    scenario = validateScenario(JSON.parse(text), 'ids.json', new Map());
  } catch (error) {
    if (error instanceof ScenarioError) return 'refused';
    throw error;
  }
  const { metrics } = simulate(scenario);
  const value = (metric: string): number => metrics.find((m) => m.metric === metric && m.scope === 'total')?.value ?? Number.NaN;
  const accounted = ['returned', 'released', 'screened_out', 'other', 'in_custody_end'].reduce((sum, m) => sum + value(m), 0);
  expect(accounted).toBe(value('arrivals'));
  expect(value('arrivals')).toBeGreaterThan(0);
  const scopes = new Set(metrics.map((m) => m.scope));
  if (scope !== undefined) expect(scopes.has(scope), `scope ${scope}`).toBe(true);
  return 'ran';
}

/** Categories are not scopes; every other id is reported under its own name. */
const scopeOf = (id: Id, name: string): string | undefined => (id === 'family' || id === 'single' ? undefined : name);

describe('Object-property names as ids (fast-check)', () => {
  it('a reference to one that is not defined is refused; one defined everywhere runs if it is a valid id', () => {
    const seen = { ran: 0, refused: 0 };
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(IDS) as Id[])), fc.constantFrom(...NAMES), fc.boolean(), fc.nat(3), (id, name, everywhere, which) => {
        const result = outcome(edit(id, name, everywhere, which), scopeOf(id, everywhere ? name : id));
        seen[result]++;
        expect(result, `${id} -> ${name}${everywhere ? ' everywhere' : ' in one reference'}`).toBe(everywhere && ID.test(name) ? 'ran' : 'refused');
      }),
      { numRuns: 150, seed: 20191214 },
    );
    expect(seen.refused).toBeGreaterThan(50);
  });

  it.each(Object.keys(IDS) as Id[])('"%s" renamed to "constructor" everywhere runs and balances', (id) => {
    expect(outcome(edit(id, 'constructor', true, 0), scopeOf(id, 'constructor'))).toBe('ran');
  });
});
