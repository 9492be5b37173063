// Tables of the answer commands: size.csv (every candidate tried, each target's estimate, one-sided
// bound and verdict); calibrate.csv (each target's reported and simulated figure), fitted.csv (each
// fitted value with its interval) and calibrate-search.csv (every candidate tried, its misfit).

import { toCsv, type Cell } from './csv.js';

export interface SizeCsvCandidate {
  value: number;
  replications: number;
  verdict: string;
  judgements: readonly {
    target: { text: string };
    estimate: { mean: number; ciLow: number; ciHigh: number; sd: number };
    bound: number;
    verdict: string;
  }[];
}

/** One row per candidate and target, candidates by value; `holds` is the candidate's verdict over all targets. */
export function sizeCsv(parameter: string, candidates: readonly SizeCsvCandidate[]): string {
  const rows: Cell[][] = [];
  for (const c of candidates) {
    for (const j of c.judgements) {
      rows.push([c.value, c.replications, j.target.text, j.estimate.mean, j.estimate.ciLow, j.estimate.ciHigh, j.estimate.sd, j.bound, j.verdict, c.verdict]);
    }
  }
  return toCsv([parameter, 'replications', 'target', 'mean', 'ci_low', 'ci_high', 'sd', 'bound_95_one_sided', 'target_verdict', 'holds'], rows);
}

export interface CalibrateCsvTarget {
  /** The figure as the targets file names it: "returned.total", "enrolled, every sector, 2019-05-01..2019-05-31". */
  figure: string;
  target: { value: number; tolerance: number; heldOut: boolean; fact?: string };
  estimate: { mean: number; ciLow: number; ciHigh: number; n: number };
  ratio: number;
  within: boolean;
}

/** One row per target, fitted ones first: the reported figure against the simulated one at the fitted values. */
export function calibrateCsv(targets: readonly CalibrateCsvTarget[]): string {
  const rows = targets.map((t): Cell[] => [
    t.figure,
    t.target.heldOut ? 'held-out' : 'fitted',
    t.target.value,
    t.target.tolerance,
    t.estimate.mean,
    t.estimate.ciLow,
    t.estimate.ciHigh,
    t.estimate.n,
    t.ratio,
    t.within ? 'yes' : 'no',
    t.target.fact ?? '',
  ]);
  return toCsv(['figure', 'role', 'reported', 'tolerance', 'simulated', 'ci_low', 'ci_high', 'n', 'ratio', 'within', 'fact'], rows);
}

export function fittedCsv(fits: readonly { range: { name: string; from: number; to: number }; value: number; interval?: readonly [number, number] }[]): string {
  return toCsv(['parameter', 'value', 'interval_low', 'interval_high', 'from', 'to'], fits.map((f) => [f.range.name, f.value, f.interval?.[0], f.interval?.[1], f.range.from, f.range.to]));
}

export function calibrateSearchCsv(parameters: readonly string[], candidates: readonly { values: readonly number[]; replications: number; misfit: number }[]): string {
  return toCsv([...parameters, 'replications', 'misfit'], candidates.map((c) => [...c.values, c.replications, c.misfit]));
}
