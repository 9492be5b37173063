// Huge, non-finite, negative and fractional values for every size a user sets, in a YAML scenario
// (Infinity as .inf) or an option: each is refused with exit 2 and a message naming the field or the
// option, fast, nothing written; or, within bounds, a normal run. Never exit 1, a hang or running out
// of memory. Issue 11 items 12 and 20, and "Done when".

import fc from 'fast-check';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/scenario/index.js';
import { mppsim, tempDir } from '../support/cli.js';
import { smallScenario } from '../support/small-scenario.js';

/** The small scenario with a bus to a second site and a capped port there, so that seats and caps are sizes too. */
function baseScenario(): ScenarioInput {
  const s = smallScenario();
  s.categories.family = { groupSize: 3, mppEligible: true };
  s.sectors.a.arrivals!.mix = { single: 0.5, family: 0.5 };
  s.sectors.a.mpp = { enrolledFraction: 0.5, bus: 'a-b' };
  s.sectors.b = { holdingCapacity: 100, port: 'p' };
  s.busRoutes = { 'a-b': { from: 'a', to: 'b', departures: ['08:00'], busesPerDeparture: 1, seatsPerBus: 20, travelHours: { dist: 'deterministic', value: 2 } } };
  s.ports = { p: { dailyCap: 30 } };
  return s;
}

/** Each size in the scenario: where it is, and the word the message must name. */
const FIELDS: Record<string, { path: string[]; named: RegExp }> = {
  days: { path: ['days'], named: /days/ },
  replications: { path: ['replications'], named: /replications/ },
  holdingCapacity: { path: ['sectors', 'a', 'holdingCapacity'], named: /holdingCapacity/ },
  seatsPerBus: { path: ['busRoutes', 'a-b', 'seatsPerBus'], named: /seatsPerBus/ },
  dailyCap: { path: ['ports', 'p', 'dailyCap'], named: /dailyCap/ },
  withinHours: { path: ['sectors', 'a', 'arrivals', 'surge', 'withinHours'], named: /withinHours/ },
  surgePeople: { path: ['sectors', 'a', 'arrivals', 'surge', 'people', 'value'], named: /people/ },
  mixShare: { path: ['sectors', 'a', 'arrivals', 'mix', 'single'], named: /mix/ },
};

/** A grid is refused as a whole (--set) or at the point whose value the field refuses. */
const GRID = /--set|sectors\.a\.(holdingCapacity|processing\.agents): expected/;

/** Each size an option sets, as the arguments after the scenario, and the option the message must name. */
const OPTIONS: Record<string, { args: (v: string) => string[]; named: RegExp }> = {
  reps: { args: (v) => ['run', '--reps', v, '--workers', '1'], named: /--reps/ },
  workers: { args: (v) => ['run', '--workers', v], named: /--workers/ },
  shardCount: { args: (v) => ['run', '--reps', '2', '--workers', '1', '--shard', `1/${v}`], named: /--shard/ },
  shardIndex: { args: (v) => ['run', '--reps', '2', '--workers', '1', '--shard', `${v}/2`], named: /--shard/ },
  points: { args: (v) => ['sweep', '--workers', '1', '--set', 'sectors.a.holdingCapacity=50..150', '--design', 'lhs', '--points', v], named: /--points/ },
  gridEnd: { args: (v) => ['sweep', '--workers', '1', '--set', `sectors.a.holdingCapacity=50..${v}:50`], named: GRID },
  gridStep: { args: (v) => ['sweep', '--workers', '1', '--set', `sectors.a.holdingCapacity=50..150:${v}`], named: GRID },
  gridStart: { args: (v) => ['sweep', '--workers', '1', '--set', `sectors.a.processing.agents=${v}..4:1`], named: GRID },
  // One value far beyond 2^53, where adding the step changes nothing: it filled memory until V8 aborted.
  gridOfOne: { args: (v) => ['sweep', '--workers', '1', '--set', `sectors.a.holdingCapacity=${v}..${v}:1`], named: GRID },
};

/** As a user types it: whole numbers in digits (1e40 as 1 and 40 zeros), others as JavaScript prints them. */
const typed = (v: number): string => (Number.isInteger(v) ? BigInt(v).toString() : String(v));

/** A refusal of a size over the limits (people, days, replications) names the limit, not the field. */
const LIMIT = /the limit is|at most|pass --allow-large/;
/** `--reps -1e-300` reads as the flags -1 -e ...: the message says to write --reps=-1e-300. */
const DASH_HINT = 'a value starting with "-" is written --option=value';

const value: fc.Arbitrary<number> = fc.oneof(
  fc.double({ min: 1e9, max: 1e308, noNaN: true }),
  fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308, 2 ** 53 + 2, 4294967296),
  fc.double({ min: -1e308, max: -1e-300, noNaN: true }),
  fc.double({ min: 0, max: 1000, noNaN: true }).filter((v) => !Number.isInteger(v)),
  fc.double({ min: 1e-300, max: 1e-3, noNaN: true }),
  // Ordinary values too, so that the bounds are seen to let sensible sizes through.
  fc.integer({ min: 1, max: 40 }),
);

let base = '';
let attempt = 0;
beforeAll(() => void (base = tempDir('mppsim-sizes-fuzz-')));

/** Runs `args` in a fresh folder with the scenario `document`; exit 2 naming `named` (or a limit), or exit 0 with outputs. */
function expectBoundedOrRun(document: ScenarioInput, args: string[], named: RegExp, what: string): 'ran' | 'refused' {
  const dir = join(base, `case-${++attempt}`);
  mkdirSync(dir);
  const scenario = join(dir, 'huge.yaml');
  writeFileSync(scenario, stringify(document));
  const out = join(dir, 'out');
  const started = Date.now();
  const run = mppsim([args[0], scenario, ...args.slice(1), '--out', out, '--quiet'], dir, 20_000);
  const seen = `${what}: exit ${run.code} in ${Date.now() - started} ms: ${run.stderr.slice(0, 400)}`;
  expect(run.code, seen).not.toBe(-1);
  expect([0, 2], seen).toContain(run.code);
  expect(run.stderr, seen).not.toMatch(/internal error|\n\s+at /);
  const outcome = run.code === 0 ? 'ran' : 'refused';
  if (outcome === 'ran') {
    expect(readdirSync(out).length, seen).toBeGreaterThan(0);
  } else {
    expect(Date.now() - started, seen).toBeLessThan(8_000);
    expect(named.test(run.stderr) || LIMIT.test(run.stderr) || run.stderr.includes(DASH_HINT), seen).toBe(true);
    expect(existsSync(out), seen).toBe(false);
    expect(readdirSync(dir), seen).toEqual(['huge.yaml']);
  }
  rmSync(dir, { recursive: true, force: true });
  return outcome;
}

function setAt(document: ScenarioInput, path: readonly string[], v: number): ScenarioInput {
  let node = document as unknown as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1]] = v;
  return document;
}

describe('huge and odd sizes (fast-check)', () => {
  it('in the scenario: exit 2 naming the field, or a normal run', () => {
    const outcomes = { ran: 0, refused: 0 };
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(FIELDS)), value, (field, v) => {
        const { path, named } = FIELDS[field];
        outcomes[expectBoundedOrRun(setAt(baseScenario(), path, v), ['run', '--workers', '1'], named, `${path.join('.')}: ${v}`)]++;
      }),
      { numRuns: Number(process.env.FUZZ_SIZE_RUNS ?? 16), seed: Number(process.env.FUZZ_SEED ?? 20191201) },
    );
    expect(outcomes.refused).toBeGreaterThan(10);
  }, 60_000);

  it('in the options: exit 2 naming the option, or a normal run', () => {
    const outcomes = { ran: 0, refused: 0 };
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(OPTIONS)), value, (option, v) => {
        const { args, named } = OPTIONS[option];
        outcomes[expectBoundedOrRun(baseScenario(), args(typed(v)), named, `${option}: ${v}`)]++;
      }),
      { numRuns: Number(process.env.FUZZ_SIZE_RUNS ?? 20), seed: Number(process.env.FUZZ_SEED ?? 20191202) },
    );
    expect(outcomes.refused).toBeGreaterThan(10);
  }, 60_000);
});
