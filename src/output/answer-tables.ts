// Tables of the answer commands: size.csv (every candidate tried, each target's estimate, one-sided
// bound and verdict) and calibration.csv (each target's reported and simulated figure).

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
