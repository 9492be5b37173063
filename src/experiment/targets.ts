// Targets an answer must meet, written as the analyst says them: 'released.total <= 0',
// 'wait_hours_p95.returned <= 48', or a ratio 'released.q / arrivals.q <= 0.01'. Each side names a
// summary metric and scope, as in summary.csv. A target holds when the one-sided 95% bound of the
// mean across replications meets it; it fails when the opposite bound misses it; else it is too
// close to call with these replications.

import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { Metric } from '../model/index.js';
import { estimate, type Estimate } from '../stats/index.js';
import { UsageError } from './errors.js';

export interface Figure {
  metric: string;
  scope: string;
}

export interface Target {
  text: string;
  /** Short name for messages: the metric, or metric.scope when the scope is not 'total'. */
  label: string;
  numerator: Figure;
  denominator?: Figure;
  op: '<=' | '>=';
  value: number;
}

export type Verdict = 'pass' | 'fail' | 'undecided';

export interface TargetJudgement {
  target: Target;
  estimate: Estimate;
  /** The one-sided 95% bound that must meet the target: the upper bound for <=, the lower for >=. */
  bound: number;
  verdict: Verdict;
}

const FIGURE = String.raw`([A-Za-z0-9_]+)\.([A-Za-z0-9_-]+)`;
const TARGET = new RegExp(String.raw`^\s*${FIGURE}(?:\s*/\s*${FIGURE})?\s*(<=|>=|<|>)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*$`);

/** A target such as "released.total <= 0" or "returned.total / arrivals.total >= 0.2"; throws UsageError otherwise. */
export function parseTarget(text: string): Target {
  const m = TARGET.exec(text);
  if (!m) throw new UsageError(`--target: expected metric.scope <= value (or >=, or metric.scope / metric.scope <= value), such as 'released.total <= 0', got "${text}"`);
  const numerator = { metric: m[1], scope: m[2] };
  const denominator = m[3] ? { metric: m[3], scope: m[4] } : undefined;
  const name = (f: Figure): string => (f.scope === 'total' ? f.metric : `${f.metric}.${f.scope}`);
  const label = denominator ? `${name(numerator)} / ${name(denominator)}` : name(numerator);
  // With a continuous estimate, < and <= are the same test; both read as "at most".
  const op = m[5].startsWith('<') ? '<=' : '>=';
  return { text: text.trim(), label, numerator, denominator, op, value: Number(m[6]) };
}

/** The target's figure in one replication; throws a UsageError naming the metric when it does not exist. */
export function targetValue(target: Target, metrics: readonly Metric[]): number {
  const find = (f: Figure): number => {
    const found = metrics.find((x) => x.metric === f.metric && x.scope === f.scope);
    if (!found) throw new UsageError(`--target ${target.text}: the outputs have no metric ${f.metric} for scope ${f.scope} (see summary.csv for the names)`);
    return found.value;
  };
  const top = find(target.numerator);
  if (!target.denominator) return top;
  const bottom = find(target.denominator);
  return bottom === 0 ? 0 : top / bottom;
}

/** One-sided 95% bounds of the mean: mean ± t(0.95, n−1) s/√n. Zero spread gives the mean itself. */
export function oneSidedBounds(e: Estimate, level = 0.95): { lower: number; upper: number } {
  if (e.n < 2 || !Number.isFinite(e.sd)) return { lower: NaN, upper: NaN };
  const half = e.sd === 0 ? 0 : tQuantile(level, e.n - 1) * (e.sd / Math.sqrt(e.n));
  return { lower: e.mean - half, upper: e.mean + half };
}

export function judge(target: Target, values: readonly number[]): TargetJudgement {
  const e = estimate(values);
  const { lower, upper } = oneSidedBounds(e);
  const [bound, other] = target.op === '<=' ? [upper, lower] : [lower, upper];
  const meets = (x: number): boolean => (target.op === '<=' ? x <= target.value : x >= target.value);
  let verdict: Verdict = 'undecided';
  if (Number.isFinite(bound) && meets(bound)) verdict = 'pass';
  else if (Number.isFinite(other) && !meets(other)) verdict = 'fail';
  return { target, estimate: e, bound, verdict };
}

/** Every target must pass; one failure fails; otherwise more replications could decide. */
export function combined(judgements: readonly TargetJudgement[]): Verdict {
  if (judgements.some((j) => j.verdict === 'fail')) return 'fail';
  return judgements.every((j) => j.verdict === 'pass') ? 'pass' : 'undecided';
}
