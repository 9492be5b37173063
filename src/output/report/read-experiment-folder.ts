// Reads the output folders of `mppsim compare` (comparison.csv, daily-mean.csv, variants.json),
// `mppsim sweep` (sweep.csv, points.csv, scenario.json) and `mppsim size` (size.csv, and the answer's
// scenario.json when there is an answer) back into plain rows for their reports.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ReportInputError } from './report-input-error.js';
import { cellNumber, checkScenario, readCsv, readJson, readScenarioJson, requireFiles, type CsvRow } from './read-run-folder.js';

export const COMPARE_FILES = ['comparison.csv', 'daily-mean.csv', 'variants.json'] as const;
export const SWEEP_FILES = ['sweep.csv', 'points.csv', 'scenario.json'] as const;

export interface ComparisonEntry {
  metric: string;
  scope: string;
  variant: string;
  mean: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
  /** Paired difference against the first variant; null for the first itself. */
  diff: number | null;
  diffLow: number | null;
  diffHigh: number | null;
  significant: boolean | null;
}

export interface Variant {
  name: string;
  scenario: Record<string, unknown>;
}

export interface CompareFolder {
  dir: string;
  /** The first is the reference the differences are taken against. */
  variants: Variant[];
  comparison: ComparisonEntry[];
  /** Per variant, day and stage: the mean across replications of each daily figure, with its interval. */
  dailyMean: CsvRow[];
}

export interface SweepFolder {
  dir: string;
  /** The swept field paths, in the order of sweep.csv's columns. */
  parameters: string[];
  /** One row per point: `point` and each parameter's value. */
  points: CsvRow[];
  rows: SweepEntry[];
  /** The scenario of the first point. */
  scenario: Record<string, unknown>;
}

export interface SweepEntry {
  point: string;
  metric: string;
  scope: string;
  mean: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
}

export function readCompareFolder(dir: string): CompareFolder {
  requireFiles(dir, COMPARE_FILES, 'mppsim compare');
  const file = join(dir, 'variants.json');
  const variants = readJson(file, (list): Variant[] => {
    if (!Array.isArray(list) || list.length === 0) throw new ReportInputError(file, 'expected a list of variants, each {name, scenario}');
    return list.map((v: unknown, i: number): Variant => {
      const entry = v as { name?: unknown; scenario?: unknown } | null;
      if (!entry || typeof entry.name !== 'string') throw new ReportInputError(file, `[${i}]: expected a variant {name, scenario}`);
      return { name: entry.name, scenario: checkScenario(entry.scenario, file, `[${i}].scenario: `) };
    });
  });
  const comparison = readCsv(join(dir, 'comparison.csv'), 'comparison.csv').map(
    (r): ComparisonEntry => ({
      metric: r.metric,
      scope: r.scope,
      variant: r.variant,
      mean: cellNumber(r.mean),
      ciLow: cellNumber(r.ci_low),
      ciHigh: cellNumber(r.ci_high),
      n: cellNumber(r.n) ?? 0,
      diff: cellNumber(r.diff),
      diffLow: cellNumber(r.diff_ci_low),
      diffHigh: cellNumber(r.diff_ci_high),
      significant: r.significant === 'yes' ? true : r.significant === 'no' ? false : null,
    }),
  );
  return { dir, variants, comparison, dailyMean: readCsv(join(dir, 'daily-mean.csv'), 'daily-mean.csv') };
}

export function readSweepFolder(dir: string): SweepFolder {
  requireFiles(dir, SWEEP_FILES, 'mppsim sweep');
  const points = readCsv(join(dir, 'points.csv'), 'points.csv');
  const parameters = points.length > 0 ? Object.keys(points[0]).filter((k) => k !== 'point') : [];
  const rows = readCsv(join(dir, 'sweep.csv'), 'sweep.csv').map(
    (r): SweepEntry => ({
      point: r.point,
      metric: r.metric,
      scope: r.scope,
      mean: cellNumber(r.mean),
      ciLow: cellNumber(r.ci_low),
      ciHigh: cellNumber(r.ci_high),
      n: cellNumber(r.n) ?? 0,
    }),
  );
  return { dir, parameters, points, rows, scenario: readScenarioJson(join(dir, 'scenario.json')) };
}

export interface SizeEntry {
  value: number;
  replications: number;
  target: string;
  mean: number | null;
  /** The one-sided 95% bound the verdict is read from. */
  bound: number | null;
  targetVerdict: Verdict;
  /** The candidate's verdict over every target. */
  holds: Verdict;
}

type Verdict = 'pass' | 'fail' | 'undecided';

export interface SizeFolder {
  dir: string;
  /** The sized parameter's path: size.csv's first column. */
  parameter: string;
  rows: SizeEntry[];
  /** The answer's scenario, when a value met every target. */
  scenario?: Record<string, unknown>;
}

const VERDICTS: readonly string[] = ['pass', 'fail', 'undecided'];

export function readSizeFolder(dir: string): SizeFolder {
  const file = join(dir, 'size.csv');
  const csv = readCsv(file, 'size.csv');
  const parameter = csv.length > 0 ? Object.keys(csv[0])[0] : '';
  const rows = csv.map((r, i): SizeEntry => {
    const value = cellNumber(r[parameter]);
    if (value === null || !VERDICTS.includes(r.target_verdict) || !VERDICTS.includes(r.holds)) {
      throw new ReportInputError(file, `row ${i + 1}: expected a number in ${parameter} and pass, fail or undecided in target_verdict and holds`);
    }
    return { value, replications: cellNumber(r.replications) ?? 0, target: r.target, mean: cellNumber(r.mean), bound: cellNumber(r.bound_95_one_sided), targetVerdict: r.target_verdict as Verdict, holds: r.holds as Verdict };
  });
  const scenarioFile = join(dir, 'scenario.json');
  return { dir, parameter, rows, scenario: existsSync(scenarioFile) ? readScenarioJson(scenarioFile) : undefined };
}
