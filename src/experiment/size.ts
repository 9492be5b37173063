// `size`: the least value of one parameter (a capacity) in LO..HI for which every target holds.
// It assumes more capacity never hurts: the values that pass form an upper range, found by
// bisection on the grid, or (--search grid) by trying every value, which shards can split. Candidates
// share common random numbers; one too close to call gets more replications, in batches, up to a
// maximum, and counts as failing if still undecided. What the tried candidates say (the answer, a
// pattern that contradicts the assumption) is read in size-answer.ts.

import { CandidatePool, type Candidate, type CandidateSettings } from './candidates.js';
import type { Shard } from './design.js';
import { UsageError } from './errors.js';
import { MAX_VARIANTS } from './limits.js';
import { parsePath } from './overrides.js';
import { judgeCandidate, sizeAnswerOf, type SizeAnswer, type SizedCandidate, type SizeRange } from './size-answer.js';
import { targetValue, type Target } from './targets.js';

export type { SizeAnswer, SizedCandidate, SizeRange } from './size-answer.js';
export { round, sizeAnswerLine } from './size-answer.js';

/** How the candidates are chosen: bisection (few candidates, one after another) or every value of the grid (independent candidates, so they can be split into shards). */
// The searches live with the defaults the command line's options read without loading this module.
export { SIZE_SEARCHES, type SizeSearch } from './defaults.js';
import type { SizeSearch } from './defaults.js';

export interface SizeSettings extends CandidateSettings {
  /** Replications of every candidate, and of each batch added to one too close to call. */
  replications: number;
  maxReplications: number;
  /** Default 'bisect'. */
  search?: SizeSearch;
  /** With the 'grid' search: evaluate only the values of this shard (value k of the grid belongs to shard k mod n + 1). */
  shard?: Shard;
}

const RANGE = /^(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)(?::(\d+(?:\.\d+)?))?$/;

/** "path=LO..HI[:STEP]", the step left undefined when not given. */
export function parseRange(text: string, option: string): Omit<SizeRange, 'step'> & { step?: number } {
  const eq = text.indexOf('=');
  const spec = eq > 0 ? RANGE.exec(text.slice(eq + 1).trim()) : null;
  if (!spec) throw new UsageError(`${option}: expected path=LO..HI[:STEP], such as ports.del-rio.dailyCap=40..200, got "${text}"`);
  const [from, to, step] = [Number(spec[1]), Number(spec[2]), spec[3] === undefined ? undefined : Number(spec[3])];
  if (!(from < to) || !(step === undefined || step > 0)) throw new UsageError(`${option} ${text}: expected LO < HI and a step > 0`);
  const name = text.slice(0, eq).trim();
  return { name, path: parsePath(name), from, to, step };
}

/** "path=LO..HI[:STEP]"; the step defaults to 1 (counts are whole numbers). */
export function parseSizeRange(text: string, option = '--vary'): SizeRange {
  const range = parseRange(text, option);
  return { ...range, step: range.step ?? 1 };
}

/** The grid LO, LO+STEP, … ≤ HI, by index: a range of a billion values is never listed. */
export class SizeGrid {
  readonly length: number;
  constructor(readonly range: SizeRange) {
    this.length = Math.floor((range.to - range.from) / range.step + 1e-9) + 1;
  }
  at(k: number): number {
    return Number((this.range.from + k * this.range.step).toFixed(10));
  }
  /** The indices a shard evaluates, or all of them. */
  indices(shard?: Shard): number[] {
    const all = Array.from({ length: this.length }, (_, k) => k);
    return shard ? all.filter((k) => k % shard.count === shard.index - 1) : all;
  }
}

/** Most values `--search grid` evaluates: each is a scenario validated and kept in memory. */
export const MAX_GRID_VALUES = MAX_VARIANTS;

/**
 * The least value in `range` of one scenario path (a capacity) for which every target holds, with common
 * random numbers: by bisection, or with `search: 'grid'` by evaluating every value (or a shard's share);
 * `document` is the scenario as parsed, `file` labels errors. runSize does this from a file to an output folder.
 */
export async function size(document: unknown, file: string, range: SizeRange, targets: readonly Target[], settings: SizeSettings): Promise<SizeAnswer> {
  if (targets.length === 0) throw new UsageError('size: give at least one --target, such as --target "released.total <= 0"');
  if (!(settings.replications >= 2)) throw new UsageError(`size: needs at least 2 replications per candidate for an interval, got ${settings.replications}`);
  const grid = new SizeGrid(range);
  const search = settings.search ?? 'bisect';
  if (settings.shard && search !== 'grid') throw new UsageError(SHARD_NEEDS_GRID);
  if (search === 'grid') checkGrid(grid, settings.shard);
  const planned = search === 'grid' ? grid.indices(settings.shard).length : bisectionCandidates(grid.length);
  const pool = new CandidatePool(document, file, [range.path], { ...settings, expectedReplications: planned * settings.replications });
  const first = Math.min(settings.replications, settings.maxReplications);
  const samplesOf = (c: Candidate): number[][] => targets.map((t) => c.results.map((r) => targetValue(t, r.metrics)));

  /** Candidates judged together, each given another batch while it is too close to call. */
  const evaluate = async (indices: readonly number[]): Promise<SizedCandidate[]> => {
    const candidates = indices.map((k) => pool.candidate([grid.at(k)]));
    let [open, reps] = [candidates, first];
    const judged = new Map<Candidate, SizedCandidate>();
    while (open.length > 0) {
      await pool.ensure(open, reps);
      for (const c of open) judged.set(c, judgeCandidate(c.values[0], targets, samplesOf(c)));
      if (reps >= settings.maxReplications) break;
      open = open.filter((c) => judged.get(c)?.verdict === 'undecided');
      reps = Math.min(settings.maxReplications, reps + settings.replications);
    }
    return candidates.map((c) => judged.get(c) as SizedCandidate);
  };

  const tried: SizedCandidate[] = [];
  try {
    if (search === 'grid') tried.push(...(await evaluate(grid.indices(settings.shard))));
    else await bisect(grid.length, async (k) => (await evaluate([k]))[0], tried);
  } finally {
    await pool.close();
  }
  return sizeAnswerOf(range, targets, tried, pool.replicationsRun);
}

/** Bisection on indices 0..n-1, assuming the passes form an upper range: the top first, then the bottom, then halves. */
async function bisect(n: number, evaluate: (k: number) => Promise<SizedCandidate>, tried: SizedCandidate[]): Promise<void> {
  const at = async (k: number): Promise<boolean> => {
    const c = await evaluate(k);
    tried.push(c);
    return c.verdict === 'pass';
  };
  if (!(await at(n - 1)) || n === 1 || (await at(0))) return;
  let [fail, pass] = [0, n - 1];
  while (pass - fail > 1) {
    const mid = Math.floor((fail + pass) / 2);
    if (await at(mid)) pass = mid;
    else fail = mid;
  }
}

/** Candidates a bisection of n values tries when each is decided: the two ends, then about log2(n). */
function bisectionCandidates(n: number): number {
  return n <= 2 ? n : 2 + Math.ceil(Math.log2(n - 1));
}

export const SHARD_NEEDS_GRID =
  '--shard: a bisection chooses each candidate from the verdict on the one before, so it cannot be split; add --search grid to evaluate every value of the range, which shards split by value';

function checkGrid(grid: SizeGrid, shard: Shard | undefined): void {
  if (grid.length > MAX_GRID_VALUES) throw new UsageError(`--search grid: ${grid.range.name} takes ${grid.length.toLocaleString('en-US')} values in ${grid.range.from}..${grid.range.to}:${grid.range.step}; at most ${MAX_GRID_VALUES.toLocaleString('en-US')} (use a larger step, or the default bisection)`);
  if (shard && shard.count > grid.length) throw new UsageError(`--shard ${shard.index}/${shard.count}: ${shard.count} shards of ${grid.length} values; each shard needs at least one`);
}
