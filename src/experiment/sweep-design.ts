// Sweep designs over scenario parameters: the full grid of listed values and stepped ranges, or a
// Latin hypercube over ranges (each parameter's range cut into K strata, each stratum used once).

import { createStream } from '../random/index.js';
import { parsePath, parseValue } from './overrides.js';
import { UsageError } from './errors.js';
import { MAX_VARIANTS } from './limits.js';

export interface SweepParameter {
  /** As the user wrote it (column name in sweep.csv). */
  name: string;
  path: string[];
  values?: unknown[];
  range?: { from: number; to: number; step?: number };
}

// Numbers as a user may type them, 1e6 and Infinity included, so that such a range is told as one.
const NUMBER = String.raw`[-+]?(?:[\d.]+(?:[eE][-+]?\d+)?|Infinity)`;
const RANGE = new RegExp(`^(${NUMBER})\\.\\.(${NUMBER})(?::(${NUMBER}))?$`);

/** "path=v1,v2,v3" or "path=a..b:step" (or "path=a..b" for a Latin hypercube). */
export function parseSweepParameter(text: string): SweepParameter {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--set: expected path=v1,v2,... or path=a..b:step, got "${text}"`);
  const name = text.slice(0, eq).trim();
  const spec = text.slice(eq + 1).trim();
  const range = RANGE.exec(spec);
  if (range) {
    const [from, to, step] = [Number(range[1]), Number(range[2]), range[3] === undefined ? undefined : Number(range[3])];
    if (![from, to, step ?? 0].every(Number.isFinite)) throw new UsageError(`--set ${name}: expected a..b:step in finite numbers, got "${spec}"`);
    if (!(from <= to) || (step !== undefined && !(step > 0))) throw new UsageError(`--set ${name}: expected a..b:step with a <= b and step > 0, got "${spec}"`);
    return { name, path: parsePath(name), range: { from, to, step } };
  }
  const values = spec.split(',').map((v) => parseValue(v.trim()));
  if (values.length === 0 || spec === '') throw new UsageError(`--set ${name}: expected at least one value`);
  return { name, path: parsePath(name), values };
}

/** Rounds away binary noise (0.1 + 0.2) so values print as typed. */
function tidy(x: number): number {
  return Number(x.toFixed(10));
}

function gridValues(p: SweepParameter): unknown[] {
  if (p.values) return p.values;
  const { from, to, step } = p.range!;
  if (step === undefined) throw new UsageError(`--set ${p.name}: a grid needs a step (a..b:step), or use --design lhs`);
  // Counted before they are made: 0..1e9:1 must be refused, not filled in.
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_VARIANTS) throw tooManyPoints(`--set ${p.name}=${from}..${to}:${step} gives ${count} values`);
  const values: number[] = [];
  // Bounded by the count too: beyond 2^53, from + k * step stays equal to from and would never pass `to`.
  for (let k = 0; k < count && from + k * step <= to + 1e-9; k++) values.push(tidy(from + k * step));
  return values;
}

function tooManyPoints(what: string): UsageError {
  return new UsageError(`sweep: ${what}; a sweep may have at most ${MAX_VARIANTS.toLocaleString('en-US')} points (each is a scenario validated and kept in memory)`);
}

/** Every combination, the first parameter varying slowest. */
export function gridPoints(parameters: readonly SweepParameter[]): unknown[][] {
  const lists = parameters.map(gridValues);
  const total = lists.reduce((product, values) => product * values.length, 1);
  if (total > MAX_VARIANTS) throw tooManyPoints(`the grid has ${lists.map((v) => v.length).join(' x ')} = ${total.toLocaleString('en-US')} points`);
  let points: unknown[][] = [[]];
  for (const values of lists) {
    points = points.flatMap((point) => values.map((v) => [...point, v]));
  }
  return points;
}

export function latinHypercube(parameters: readonly SweepParameter[], count: number, seed: number): unknown[][] {
  if (!(Number.isInteger(count) && count >= 1)) throw new UsageError(`--points: expected a whole number >= 1, got ${count}`);
  if (count > MAX_VARIANTS) throw tooManyPoints(`--points ${count}`);
  const random = createStream(seed, 0, 'sweep:latin-hypercube');
  const columns = parameters.map((p) => {
    const strata = Array.from({ length: count }, (_, k) => k);
    for (let i = count - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    return strata.map((stratum) => {
      const u = (stratum + random()) / count;
      if (p.values) return p.values[Math.min(p.values.length - 1, Math.floor(u * p.values.length))];
      const { from, to, step } = p.range!;
      const x = from + u * (to - from);
      return tidy(step === undefined ? x : Math.min(to, from + Math.round((x - from) / step) * step));
    });
  });
  return Array.from({ length: count }, (_, k) => columns.map((c) => c[k]));
}
