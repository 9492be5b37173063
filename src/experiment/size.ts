// `size`: the least value of one parameter (a capacity) in LO..HI for which every target holds.
// It assumes more capacity never hurts: the values that pass form an upper range, found by
// bisection on the grid. Candidates share common random numbers; one too close to call gets
// more replications, in batches, up to a maximum, and counts as failing if still undecided.
// Tried candidates are checked afterwards for a pattern that contradicts the assumption.

import { estimate } from '../stats/index.js';
import { CandidatePool, type Candidate, type CandidateSettings } from './candidates.js';
import { UsageError } from './errors.js';
import { parsePath } from './overrides.js';
import { combined, judge, oneSidedBounds, targetValue, type Target, type TargetJudgement, type Verdict } from './targets.js';

export interface SizeRange {
  name: string;
  path: string[];
  from: number;
  to: number;
  step: number;
}

export interface SizeSettings extends CandidateSettings {
  /** Replications of every candidate, and of each batch added to one too close to call. */
  replications: number;
  maxReplications: number;
}

export interface SizedCandidate {
  value: number;
  replications: number;
  judgements: TargetJudgement[];
  verdict: Verdict;
}

export interface SizeAnswer {
  range: SizeRange;
  targets: Target[];
  /** Undefined when no value in the range meets every target. */
  answer?: SizedCandidate;
  /** The grid value just below the answer, shown failing (when the answer is not the range's first value). */
  below?: SizedCandidate;
  /** Every candidate tried, by value. */
  candidates: SizedCandidate[];
  replications: number;
  warnings: string[];
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

function gridOf(r: SizeRange): number[] {
  const values: number[] = [];
  for (let k = 0; r.from + k * r.step <= r.to + 1e-9; k++) values.push(Number((r.from + k * r.step).toFixed(10)));
  return values;
}

/**
 * The least value in `range` of one scenario path (a capacity) for which every target holds, searched by
 * bisection with common random numbers; `document` is the scenario as parsed, `file` labels errors.
 * runSize does this from a file to an output folder.
 */
export async function size(document: unknown, file: string, range: SizeRange, targets: readonly Target[], settings: SizeSettings): Promise<SizeAnswer> {
  if (targets.length === 0) throw new UsageError('size: give at least one --target, such as --target "released.total <= 0"');
  if (!(settings.replications >= 2)) throw new UsageError(`size: needs at least 2 replications per candidate for an interval, got ${settings.replications}`);
  const grid = gridOf(range);
  const pool = new CandidatePool(document, file, [range.path], settings);
  const judged = new Map<Candidate, SizedCandidate>();

  const evaluate = async (index: number): Promise<SizedCandidate> => {
    const candidate = pool.candidate([grid[index]]);
    let reps = Math.min(settings.replications, settings.maxReplications);
    for (;;) {
      await pool.ensure([candidate], reps);
      const values = targets.map((t) => candidate.results.map((r) => targetValue(t, r.metrics)));
      const judgements = targets.map((t, k) => judge(t, values[k]));
      const verdict = combined(judgements);
      const sized: SizedCandidate = { value: grid[index], replications: candidate.results.length, judgements, verdict };
      judged.set(candidate, sized);
      if (verdict !== 'undecided' || reps >= settings.maxReplications) return sized;
      reps = Math.min(settings.maxReplications, reps + settings.replications);
    }
  };
  const passes = (c: SizedCandidate): boolean => c.verdict === 'pass';

  let answer: SizedCandidate | undefined;
  let below: SizedCandidate | undefined;
  let top: SizedCandidate;
  try {
    top = await evaluate(grid.length - 1);
    if (passes(top)) {
      const bottom = await evaluate(0);
      if (passes(bottom)) answer = bottom;
      else {
        let [fail, pass] = [0, grid.length - 1];
        const at = new Map<number, SizedCandidate>([[0, bottom], [grid.length - 1, top]]);
        while (pass - fail > 1) {
          const mid = Math.floor((fail + pass) / 2);
          const c = await evaluate(mid);
          at.set(mid, c);
          if (passes(c)) pass = mid;
          else fail = mid;
        }
        [answer, below] = [at.get(pass), at.get(fail)];
      }
    }
  } finally {
    await pool.close();
  }
  const candidates = [...judged.values()].sort((a, b) => a.value - b.value);
  const warnings = monotonicityWarnings(range, targets, pool.tried, candidates);
  if (!answer) warnings.unshift(`no value of ${range.name} in ${range.from}..${range.to} meets every target (at ${range.to}: ${describeFailures(top)})`);
  return { range, targets: [...targets], answer, below, candidates, replications: pool.replicationsRun, warnings };
}

/** A pass below a failure, or a target's figure that moves the wrong way significantly between neighbours (paired, under common random numbers). */
function monotonicityWarnings(range: SizeRange, targets: readonly Target[], tried: readonly Candidate[], sized: readonly SizedCandidate[]): string[] {
  const warnings: string[] = [];
  for (let i = 0; i + 1 < sized.length; i++) {
    if (sized[i].verdict === 'pass' && sized[i + 1].verdict === 'fail') {
      warnings.push(`not monotone: the targets hold at ${range.name} = ${sized[i].value} but fail at ${sized[i + 1].value}; the answer may not be the least value`);
    }
  }
  const ordered = [...tried].sort((a, b) => a.values[0] - b.values[0]);
  for (const target of targets) {
    for (let i = 0; i + 1 < ordered.length; i++) {
      const [a, b] = [ordered[i], ordered[i + 1]];
      const n = Math.min(a.results.length, b.results.length);
      const diffs = Array.from({ length: n }, (_, r) => targetValue(target, b.results[r].metrics) - targetValue(target, a.results[r].metrics));
      const d = estimate(diffs);
      const worse = target.op === '<=' ? d.ciLow > 0 : d.ciHigh < 0;
      if (worse) {
        warnings.push(`${target.label} is not monotone in ${range.name}: it is ${target.op === '<=' ? 'higher' : 'lower'} at ${b.values[0]} than at ${a.values[0]} (paired difference ${round(d.mean)} [${round(d.ciLow)}, ${round(d.ciHigh)}])`);
        break;
      }
    }
  }
  return warnings;
}

export function round(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  const digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 1 ? 1 : 3;
  return String(Number(x.toFixed(digits)));
}

/** The mean with its one-sided 95% bounds, lower and upper: the bounds the verdict is read from
 * (a `<=` target passes when the upper meets it, fails when the lower misses it), not the two-sided interval. */
function describe(j: TargetJudgement): string {
  const { lower, upper } = oneSidedBounds(j.estimate);
  return `${j.target.label} ${round(j.estimate.mean)} [${round(lower)}, ${round(upper)}]`;
}

function describeFailures(c: SizedCandidate): string {
  const failing = c.judgements.filter((j) => j.verdict !== 'pass');
  return (failing.length ? failing : c.judgements).map((j) => `${describe(j)}${j.verdict === 'undecided' ? ' too close to call' : ''}`).join('; ');
}

/** The terminal line: the answer with its evidence and the value below failing. */
export function sizeAnswerLine(s: SizeAnswer): string {
  const tail = `${s.candidates.length} candidate${s.candidates.length === 1 ? '' : 's'}, ${s.replications} replications`;
  if (!s.answer) return `${s.range.name}: no value in ${s.range.from}..${s.range.to} meets the targets, ${tail}`;
  const evidence = s.answer.judgements.map(describe).join('; ');
  const below = s.below ? `; ${s.below.value} ${s.below.verdict === 'fail' ? 'fails' : 'is too close to call'}: ${describeFailures(s.below)}` : `; it is the range's lowest value`;
  return `${s.range.name} = ${s.answer.value} (${evidence}${below}), ${tail}`;
}
