// `--precision REL` / `--half-width ABS`: replicate in batches until the 95% interval of every key
// figure (for compare, of every paired difference against the first variant) is narrow enough.
// Replication r always draws the streams of (seed, r), so stopping at N replications gives the
// results, and the bytes, of a plain run with N; the batch never depends on the number of workers.

import type { ReplicationResult } from '../model/index.js';
import { keyFigures, summarize } from '../output/index.js';
import type { Estimate } from '../stats/index.js';
import type { Experiment, Unit } from './design.js';
import type { UnitResult } from './execute.js';
import { compareVariants } from './paired.js';

export interface PrecisionGoal {
  /** Half-width at most this fraction of the figure's magnitude (compare: of the first variant's mean). */
  relative?: number;
  /** Half-width at most this, in the figure's units; with `relative`, whichever allows more. */
  absolute?: number;
  /** Replications added per step: fixed, so the answer never depends on --workers. */
  batch: number;
  maxReplications: number;
}

export { DEFAULT_PRECISION_BATCH, DEFAULT_PRECISION_MAX_REPLICATIONS } from './defaults.js';

export interface FigureWidth {
  metric: string;
  scope: string;
  /** Compare: the variant whose difference from the first this is. */
  variant?: string;
  mean: number;
  halfWidth: number;
  allowed: number;
  met: boolean;
}

export interface PrecisionOutcome {
  goal: PrecisionGoal;
  replications: number;
  met: boolean;
  /** The figure that needed the most replications: widest against what was allowed, at the end. */
  decidedBy?: FigureWidth;
}

/** Allowed half-width for a figure of this magnitude; an interval of [0, 0] always meets it. */
function allowedHalfWidth(goal: PrecisionGoal, magnitude: number): number {
  const relative = goal.relative === undefined ? 0 : goal.relative * Math.abs(magnitude);
  return Math.max(relative, goal.absolute ?? 0);
}

function width(goal: PrecisionGoal, e: Estimate, level: number, { metric, scope, variant }: { metric: string; scope: string; variant?: string }): FigureWidth {
  // One replication, or a figure undefined in some, gives no interval: not narrow enough yet.
  const halfWidth = e.n >= 2 && Number.isFinite(e.ciHigh) ? (e.ciHigh - e.ciLow) / 2 : Infinity;
  const allowed = allowedHalfWidth(goal, level);
  return { metric, scope, ...(variant === undefined ? {} : { variant }), mean: e.mean, halfWidth, allowed, met: halfWidth <= allowed };
}

/** The widths that decide: run, the key figures; compare, each variant's paired difference in them. */
export function figureWidths(experiment: Experiment, byVariant: readonly (readonly ReplicationResult[])[], goal: PrecisionGoal): FigureWidth[] {
  const key = keyFigures(summarize(byVariant[0]));
  if (experiment.kind !== 'compare') return key.map((row) => width(goal, row, row.mean, row));
  const wanted = new Map(key.map((row) => [`${row.metric}\u0000${row.scope}`, row.mean]));
  const names = experiment.variants.map((v) => v.name);
  return compareVariants(names, byVariant).flatMap((row) => {
    const level = wanted.get(`${row.metric}\u0000${row.scope}`);
    return row.difference && level !== undefined ? [width(goal, row.difference, level, row)] : [];
  });
}

/** Widest relative to what is allowed; a figure with nothing allowed but some width is the widest of all. */
function widest(widths: readonly FigureWidth[]): FigureWidth | undefined {
  const ratio = (w: FigureWidth): number => (w.halfWidth === 0 ? 0 : w.allowed === 0 ? Infinity : w.halfWidth / w.allowed);
  return widths.reduce<FigureWidth | undefined>((best, w) => (!best || ratio(w) > ratio(best) ? w : best), undefined);
}

/**
 * Runs batches of replications of every variant until every figure is narrow enough or
 * maxReplications is reached. Returns the experiment with the replications it took, and the
 * results in the unit order of a plain run with that many.
 */
export async function replicateToPrecision(
  experiment: Experiment,
  goal: PrecisionGoal,
  run: (units: readonly Unit[], before: number) => Promise<UnitResult[]>,
): Promise<{ experiment: Experiment; results: UnitResult[]; precision: PrecisionOutcome }> {
  const byVariant: ReplicationResult[][] = experiment.variants.map(() => []);
  const results: UnitResult[] = [];
  let replications = 0;
  let widths: FigureWidth[] = [];
  do {
    const next = Math.min(goal.maxReplications, replications + goal.batch);
    const units: Unit[] = [];
    experiment.variants.forEach((_, variant) => {
      for (let replication = replications; replication < next; replication++) units.push({ variant, replication });
    });
    for (const r of await run(units, results.length)) {
      results.push(r);
      byVariant[r.variant][r.replication] = r.result;
    }
    replications = next;
    widths = figureWidths(experiment, byVariant, goal);
  } while (!widths.every((w) => w.met) && replications < goal.maxReplications);
  results.sort((a, b) => a.variant - b.variant || a.replication - b.replication);
  const precision: PrecisionOutcome = { goal, replications, met: widths.every((w) => w.met), decidedBy: widest(widths) };
  return { experiment: { ...experiment, replications, variants: experiment.variants.map((v) => ({ ...v, scenario: { ...v.scenario, replications } })) }, results, precision };
}

function describeGoal(goal: PrecisionGoal, compare: boolean): string {
  const parts: string[] = [];
  if (goal.relative !== undefined) parts.push(`±${Number((goal.relative * 100).toPrecision(6))}% of ${compare ? "the first variant's mean" : 'its mean'}`);
  if (goal.absolute !== undefined) parts.push(`±${goal.absolute}`);
  return parts.join(' or ');
}

function figureName(w: FigureWidth): string {
  return `${w.metric}.${w.scope}${w.variant === undefined ? '' : ` (${w.variant} minus the first)`}`;
}

/** The terminal line: how many replications it took, and the figure nearest its limit (or still too wide). */
export function precisionLine(p: PrecisionOutcome, kind: Experiment['kind']): string {
  const compare = kind === 'compare';
  const w = p.decidedBy;
  const figure = w ? `${figureName(w)} ${formatFigure(w.mean)} ± ${formatFigure(w.halfWidth)} (allowed ± ${formatFigure(w.allowed)})` : 'no key figure';
  if (!p.met) return `precision not reached in ${p.replications} replications (--max-reps); still too wide: ${figure}`;
  const what = compare ? "every key figure's paired difference" : 'every key figure';
  return `precision: ${p.replications} replications (batches of ${p.goal.batch}) until the 95% interval of ${what} was within ${describeGoal(p.goal, compare)}; nearest its limit: ${figure}`;
}

function formatFigure(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  return String(Number(x.toPrecision(3)));
}
