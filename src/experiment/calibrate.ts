// `calibrate`: the values of a few unknown inputs that best reproduce reported figures. A
// coordinate search on a grid: each parameter in turn is tried at G points of its range, the
// others held at their best, and its range narrows around the best to one grid step either side,
// for a few rounds. Every candidate has the same replications of the same seeds (common random
// numbers), so the misfit changes smoothly with the parameter, not with the noise. The misfit is
// the sum over fitted targets of ((simulated mean - reported) / tolerance)^2. Each parameter's
// interval is the range, the others at their best, where every fitted target is still matched.

import { estimate, type Estimate } from '../stats/index.js';
import { calibrationValue, withinTolerance, type CalibrationTarget } from './calibration-targets.js';
import { CandidatePool, type Candidate, type CandidateSettings } from './candidates.js';
import { UsageError } from './errors.js';
import { expandFitPath } from './fit-paths.js';
import { parseRange, type SizeRange } from './size.js';

export type FitRange = Omit<SizeRange, 'step'> & { step?: number };

export interface CalibrateSettings extends CandidateSettings {
  replications: number;
  /** Points of each parameter's range tried per round (at least 3). */
  gridPoints: number;
  rounds: number;
}

export interface TargetFit {
  target: CalibrationTarget;
  estimate: Estimate;
  /** Simulated mean over reported value. */
  ratio: number;
  /** The reported value lies within the tolerance of the simulated mean's 95% interval. */
  within: boolean;
}

export interface FittedParameter {
  range: FitRange;
  /** The scenario's fields set to the value: the range's path, or every field its pattern matches. */
  paths: string[][];
  value: number;
  /** Values (the others at their best) for which every fitted target is within; none when even the best misses one. */
  interval?: [number, number];
}

export interface CalibrationAnswer {
  fits: FittedParameter[];
  /** Fitted targets first, then held-out ones, each at the fitted values. */
  targets: TargetFit[];
  misfit: number;
  /** Every candidate tried, in the order tried. */
  candidates: { values: number[]; replications: number; misfit: number }[];
  replications: number;
}

/** A `--fit` range "path=LO..HI": the scenario path and the interval to search. Throws UsageError. */
export function parseFitRange(text: string): FitRange {
  return parseRange(text, '--fit');
}

function snap(range: FitRange, x: number): number {
  const inside = Math.min(range.to, Math.max(range.from, x));
  const snapped = range.step === undefined ? inside : range.from + Math.round((inside - range.from) / range.step) * range.step;
  return Number(Math.min(range.to, snapped).toFixed(10));
}

function fitOf(target: CalibrationTarget, candidate: Candidate): TargetFit {
  const e = estimate(candidate.results.map((r) => calibrationValue(target, r)));
  return { target, estimate: e, ratio: target.value === 0 ? NaN : e.mean / target.value, within: withinTolerance(target, e) };
}

/**
 * The values of the `ranges`' paths that best reproduce `targets` (reported figures with tolerances), by a
 * coordinate search on a narrowing grid with common random numbers. runCalibrate does this from files.
 */
export async function calibrate(document: unknown, file: string, ranges: readonly FitRange[], targets: readonly CalibrationTarget[], settings: CalibrateSettings): Promise<CalibrationAnswer> {
  if (ranges.length === 0) throw new UsageError('calibrate: give at least one --fit path=LO..HI');
  if (new Set(ranges.map((r) => r.name)).size !== ranges.length) throw new UsageError('calibrate: each --fit path may be given only once');
  if (!(Number.isInteger(settings.gridPoints) && settings.gridPoints >= 3)) throw new UsageError(`--grid: expected a whole number from 3 up, got ${settings.gridPoints}`);
  if (!(Number.isInteger(settings.rounds) && settings.rounds >= 1)) throw new UsageError(`--rounds: expected a whole number from 1 up, got ${settings.rounds}`);
  if (!(settings.replications >= 2)) throw new UsageError(`calibrate: needs at least 2 replications per candidate for an interval, got ${settings.replications}`);
  const fitted = targets.filter((t) => !t.heldOut);
  const fields = ranges.map((r) => expandFitPath(document, r.path, r.name));
  const shared = fields.flat().map((p) => p.join('.')).find((p, k, all) => all.indexOf(p) !== k);
  if (shared) throw new UsageError(`calibrate: ${shared} is matched by more than one --fit; each field may be fitted once`);
  // The pool sets fields; a parameter's value goes to each of its fields.
  const pool = new CandidatePool(document, file, fields.flat(), settings);
  const toFields = (values: readonly number[]): number[] => fields.flatMap((paths, i) => paths.map(() => values[i]));
  const firstField = fields.map((_, i) => fields.slice(0, i).reduce((n, paths) => n + paths.length, 0));
  const misfitOf = (c: Candidate): number => fitted.reduce((sum, t) => sum + ((fitOf(t, c).estimate.mean - t.value) / t.tolerance) ** 2, 0);
  const run = async (points: readonly number[][]): Promise<Candidate[]> => {
    const candidates = points.map((values) => pool.candidate(toFields(values)));
    await pool.ensure(candidates, settings.replications);
    return candidates;
  };
  const matches = async (values: number[]): Promise<boolean> => {
    const [c] = await run([values]);
    return fitted.every((t) => fitOf(t, c).within);
  };
  const at = (values: readonly number[], i: number, x: number): number[] => values.map((v, k) => (k === i ? x : v));

  try {
    const best = ranges.map((r) => snap(r, (r.from + r.to) / 2));
    const spans = ranges.map((r) => [r.from, r.to]);
    for (let round = 0; round < settings.rounds; round++) {
      for (let i = 0; i < ranges.length; i++) {
        const [lo, hi] = spans[i];
        const grid = Array.from({ length: settings.gridPoints }, (_, k) => snap(ranges[i], lo + ((hi - lo) * k) / (settings.gridPoints - 1)));
        const values = [...new Set([...grid, best[i]])].sort((a, b) => a - b);
        const candidates = await run(values.map((x) => at(best, i, x)));
        const misfits = candidates.map(misfitOf);
        // The first of equal misfits, so that ties resolve the same way every time.
        best[i] = values[misfits.indexOf(Math.min(...misfits))];
        const step = (hi - lo) / (settings.gridPoints - 1);
        spans[i] = [Math.max(ranges[i].from, best[i] - step), Math.min(ranges[i].to, best[i] + step)];
      }
    }
    const fits: FittedParameter[] = [];
    const bestMatches = await matches(best);
    for (let i = 0; i < ranges.length; i++) {
      // Bisection from the best towards each end, to a thousandth of the range (or the step):
      // under common random numbers the match changes once on each side for a parameter the
      // figures move with. Finer than the search grid, so the interval is not the grid's.
      const resolution = Math.max(ranges[i].step ?? 0, (ranges[i].to - ranges[i].from) / 1000);
      const edge = async (end: number): Promise<number> => {
        if (await matches(at(best, i, end))) return end;
        let [inside, outside] = [best[i], end];
        while (Math.abs(outside - inside) > resolution) {
          const mid = snap(ranges[i], (inside + outside) / 2);
          if (mid === inside || mid === outside) break;
          if (await matches(at(best, i, mid))) inside = mid;
          else outside = mid;
        }
        return inside;
      };
      const interval: [number, number] | undefined = bestMatches ? [await edge(ranges[i].from), await edge(ranges[i].to)] : undefined;
      fits.push({ range: ranges[i], paths: fields[i], value: best[i], interval });
    }
    const [chosen] = await run([best]);
    const ordered = [...fitted, ...targets.filter((t) => t.heldOut)];
    return {
      fits,
      targets: ordered.map((t) => fitOf(t, chosen)),
      misfit: misfitOf(chosen),
      candidates: pool.tried.map((c) => ({ values: firstField.map((k) => c.values[k]), replications: c.results.length, misfit: misfitOf(c) })),
      replications: pool.replicationsRun,
    };
  } finally {
    await pool.close();
  }
}
