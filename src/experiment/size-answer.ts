// What a size answer is made of: each candidate's target figures, replication by replication, and
// the rules that turn them into verdicts, the answer, the warnings and the terminal line. The search
// (size.ts) and the merge of its shards (size-shards.ts) both go through here, so the same figures
// give the same answer and the same bytes wherever they were simulated.

import { estimate, leastPassing } from '../stats/index.js';
import { combined, judge, oneSidedBounds, type Target, type TargetJudgement, type Verdict } from './targets.js';

export interface SizeRange {
  name: string;
  path: string[];
  from: number;
  to: number;
  step: number;
}

export interface SizedCandidate {
  value: number;
  replications: number;
  judgements: TargetJudgement[];
  verdict: Verdict;
  /** Per target (in the targets' order), per replication: the figure the target reads. */
  samples: number[][];
}

export interface SizeAnswer {
  range: SizeRange;
  targets: Target[];
  /** Undefined when no value tried meets every target. */
  answer?: SizedCandidate;
  /** The value tried just below the answer, shown failing (when the answer is not the lowest value tried). */
  below?: SizedCandidate;
  /** Every candidate tried, by value. */
  candidates: SizedCandidate[];
  replications: number;
  warnings: string[];
}

/** A candidate's verdict from its figures: every target judged on its one-sided 95% bound. */
export function judgeCandidate(value: number, targets: readonly Target[], samples: number[][]): SizedCandidate {
  const judgements = targets.map((t, k) => judge(t, samples[k]));
  return { value, replications: samples[0]?.length ?? 0, judgements, verdict: combined(judgements), samples };
}

/**
 * The answer from the candidates tried: the least value that passes (a candidate still too close to
 * call counts as failing), and the value tried just below it. For a bisection this is the boundary it
 * closed in on, since every value it tried below that boundary failed.
 */
export function sizeAnswerOf(range: SizeRange, targets: readonly Target[], tried: readonly SizedCandidate[], replications: number): SizeAnswer {
  const candidates = [...tried].sort((a, b) => a.value - b.value);
  const { answer, below } = leastPassing(candidates, (c) => c.verdict === 'pass');
  const warnings = monotonicityWarnings(range, targets, candidates);
  const top = candidates[candidates.length - 1];
  if (!answer && top) warnings.unshift(`no value of ${range.name} in ${range.from}..${range.to} meets every target (at ${top.value}: ${describeFailures(top)})`);
  return { range, targets: [...targets], answer, below, candidates, replications, warnings };
}

/** A pass below a failure, or a target's figure that moves the wrong way significantly between neighbours (paired, under common random numbers). */
function monotonicityWarnings(range: SizeRange, targets: readonly Target[], sized: readonly SizedCandidate[]): string[] {
  const warnings: string[] = [];
  for (let i = 0; i + 1 < sized.length; i++) {
    if (sized[i].verdict === 'pass' && sized[i + 1].verdict === 'fail') {
      warnings.push(`not monotone: the targets hold at ${range.name} = ${sized[i].value} but fail at ${sized[i + 1].value}; the answer may not be the least value`);
    }
  }
  targets.forEach((target, k) => {
    for (let i = 0; i + 1 < sized.length; i++) {
      const [a, b] = [sized[i], sized[i + 1]];
      const n = Math.min(a.replications, b.replications);
      const d = estimate(Array.from({ length: n }, (_, r) => b.samples[k][r] - a.samples[k][r]));
      const worse = target.op === '<=' ? d.ciLow > 0 : d.ciHigh < 0;
      if (worse) {
        warnings.push(`${target.label} is not monotone in ${range.name}: it is ${target.op === '<=' ? 'higher' : 'lower'} at ${b.value} than at ${a.value} (paired difference ${round(d.mean)} [${round(d.ciLow)}, ${round(d.ciHigh)}])`);
        break;
      }
    }
  });
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
