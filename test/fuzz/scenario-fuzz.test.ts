// Hostile scenario documents: whatever comes in, loading and running either works or fails with
// the clear validation (or size-limit) error — never another exception, a hang or runaway memory.

import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LimitError, checkLimits, runPlan } from '../../src/experiment/index.js';
import { simulate } from '../../src/model/index.js';
import { ScenarioError, loadScenario, validateScenario } from '../../src/scenario/index.js';
import { tempDir } from '../support/cli.js';

/** A small valid scenario touching every building block. */
const BASE = {
  name: 'fuzz',
  start: '2019-11-01',
  days: 6,
  seed: 3,
  categories: {
    family: { groupSize: { values: [2, 3], weights: [1, 1] }, mppEligible: true },
    single: { groupSize: 1, mppEligible: false },
  },
  sectors: {
    tucson: {
      holdingCapacity: 120,
      arrivals: { peoplePerDay: 40, mix: { family: 0.7, single: 0.3 }, surge: { probabilityPerDay: 0.3, people: { dist: 'uniform', min: 20, max: 40 }, category: 'family' } },
      processing: { agents: [{ from: '06:00', to: '22:00', count: 2 }], hoursPerGroup: { dist: 'lognormal', mean: 1, sd: 0.5 } },
      mpp: { enrolledFraction: 0.8, bus: 'tucson-el-paso' },
    },
    'el-paso': {
      holdingCapacity: 200,
      arrivals: { peoplePerDay: 20, count: 'negative-binomial', dispersion: 2, mix: { family: 1 } },
      mpp: { enrolledFraction: 0.5 },
      port: 'juarez',
      screening: 'uscis',
    },
  },
  busRoutes: {
    'tucson-el-paso': { from: 'tucson', to: 'el-paso', departures: ['08:00'], busesPerDeparture: 1, seatsPerBus: 20, travelHours: { dist: 'triangular', min: 4, mode: 5, max: 6 }, fleet: { buses: 1 }, fillBehind: true },
  },
  screenings: { uscis: { fearFraction: 0.3, officers: 2, interviewMinutes: { dist: 'exponential', mean: 60 }, positiveRate: 0.1 } },
  ports: { juarez: { dailyCap: 30, hours: { open: '06:00', close: '20:00' }, closedWeekdays: ['sunday'] } },
};

const SMALL_LIMITS = { maxPeople: 200_000, maxDays: 400, maxReplications: 10 };

/** Loads and runs a document as the CLI would: the only acceptable failures are input errors. */
function loadAndRun(document: unknown): 'ran' | 'refused' {
  try {
    const scenario = validateScenario(document, 'fuzz.yaml', new Map());
    checkLimits(runPlan(scenario), SMALL_LIMITS);
    simulate(scenario);
    return 'ran';
  } catch (error) {
    if (error instanceof ScenarioError || error instanceof LimitError) {
      expect(error.message.length).toBeGreaterThan(0);
      return 'refused';
    }
    throw error;
  }
}

/** Every path to a value in the document. */
function paths(node: unknown, prefix: string[] = []): string[][] {
  if (node === null || typeof node !== 'object') return [prefix];
  const children = Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => paths(v, [...prefix, k]));
  return prefix.length > 0 ? [prefix, ...children] : children;
}
const ALL_PATHS = paths(BASE);

const nasty = fc.oneof(
  fc.constantFrom(null, true, false, '', 'fifty', 'el-pasoo', 'unknown-id', '=cmd|x', '24:61', '2019-02-30', [], {}, [1, 2], { dist: 'nope' }),
  fc.constantFrom(-1, 0, 1, 0.5, 1e9, -1e9, 1e308, -1e308, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e-300),
  fc.double(),
  fc.integer(),
  fc.string(),
  fc.jsonValue({ maxDepth: 4 }),
  fc.integer({ min: 1, max: 60 }).map((depth) => {
    let v: unknown = 1;
    // Up to 600 levels: deeper than any scenario, within what structuredClone (used by this test) handles.
    for (let i = 0; i < depth * 10; i++) v = [v];
    return v;
  }),
);

type Mutation = { kind: 'set'; path: string[]; value: unknown } | { kind: 'delete'; path: string[] } | { kind: 'extra'; path: string[]; key: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom(...ALL_PATHS), value: nasty }),
  fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...ALL_PATHS) }),
  fc.record({ kind: fc.constant('extra' as const), path: fc.constantFrom([], ...ALL_PATHS), key: fc.string({ minLength: 1, maxLength: 12 }), value: nasty }),
);

function mutate(document: unknown, m: Mutation): unknown {
  const copy = structuredClone(document) as Record<string, unknown>;
  const parentPath = m.kind === 'extra' ? m.path : m.path.slice(0, -1);
  let node: unknown = copy;
  for (const key of parentPath) {
    if (node === null || typeof node !== 'object') return copy; // an earlier mutation removed or replaced it
    node = (node as Record<string, unknown>)[key];
  }
  if (node === null || typeof node !== 'object') return copy;
  const target = node as Record<string, unknown>;
  if (m.kind === 'set') target[m.path[m.path.length - 1]] = m.value;
  else if (m.kind === 'delete') delete target[m.path[m.path.length - 1]];
  else target[m.key] = m.value;
  return copy;
}

describe('fuzzing scenario documents (fast-check)', () => {
  it('the base document itself runs', () => {
    expect(loadAndRun(BASE)).toBe('ran');
  });

  it('1,200 documents with one to four mutations run or are refused with a clear error', () => {
    const outcomes = { ran: 0, refused: 0 };
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        try {
          outcomes[loadAndRun(mutations.reduce(mutate, BASE as unknown))]++;
        } catch (error) {
          // Name the mutations briefly: fast-check's own report of a 3,000-deep value overflows the stack.
          const what = mutations.map((m) => `${m.kind} ${m.path.join('.')}${m.kind !== 'delete' ? ` = ${JSON.stringify(m.value)?.slice(0, 60)}` : ''}`);
          throw new Error(`${(error as Error).stack?.split('\n').slice(0, 4).join(' | ')} after: ${what.join('; ')}`);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1200), seed: Number(process.env.FUZZ_SEED ?? 20191122) },
    );
    // Both outcomes occur: the fuzzer reaches the simulation, not only the validator.
    expect(outcomes.ran).toBeGreaterThan(50);
    expect(outcomes.refused).toBeGreaterThan(500);
  });

  it('600 arbitrary values as whole documents are refused with a clear error', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 5 }), (document) => {
        expect(loadAndRun(document)).toBe('refused');
      }),
      { numRuns: 600, seed: 7 },
    );
  });

  it('400 arbitrary texts and byte strings as files are refused with a clear error', () => {
    const dir = tempDir();
    const file = join(dir, 'fuzz.yaml');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 })), (content) => {
        writeFileSync(file, content);
        try {
          loadScenario(file, new Map());
        } catch (error) {
          if (!(error instanceof ScenarioError)) throw error;
          expect(error.message.startsWith(`${file}: `)).toBe(true);
          return;
        }
        throw new Error(`accepted: ${String(content).slice(0, 80)}`);
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it('cyclic bus routes (each sector busing to the other) run and end: a bused person never rides on', () => {
    type Editable = { sectors: Record<string, Record<string, unknown>>; busRoutes: Record<string, Record<string, unknown>> };
    const cyclic = structuredClone(BASE) as unknown as Editable;
    cyclic.sectors.tucson.port = 'juarez';
    cyclic.sectors['el-paso'].mpp = { enrolledFraction: 0.5, bus: 'el-paso-tucson' };
    cyclic.busRoutes['el-paso-tucson'] = { ...cyclic.busRoutes['tucson-el-paso'], from: 'el-paso', to: 'tucson' };
    expect(loadAndRun(cyclic)).toBe('ran');
  });

  it('a scenario too large for the limits is refused before it starts, with the estimate', () => {
    const huge = structuredClone(BASE);
    huge.sectors.tucson.arrivals.peoplePerDay = 4e7;
    try {
      checkLimits(runPlan(validateScenario(huge, 'huge.yaml', new Map())));
      expect.unreachable('should be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(LimitError);
      expect((error as Error).message).toMatch(/about 240\.0 million people.*limit is 100\.0 million[\s\S]*--allow-large/);
    }
  });
});
