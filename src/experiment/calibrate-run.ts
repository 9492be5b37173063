// `calibrate` from a scenario file and a targets file to an output folder: calibrate.csv (each
// target's fit), fitted.csv (each value with its interval), calibrate-search.csv (every candidate)
// and scenario.yaml, the scenario with the fitted values, each cited as "calibrated to …".

import { basename } from 'node:path';
import { stringify } from 'yaml';
import { StagedOutput, calibrateCsv, calibrateSearchCsv, fittedCsv } from '../output/index.js';
import { loadDocument, validateScenario } from '../scenario/index.js';
import { calibrate, parseFitRange, type CalibrationAnswer, type FittedParameter } from './calibrate.js';
import { loadCalibrationTargets, targetLabel, type CalibrationTarget } from './calibration-targets.js';
import { applyOverrides } from './overrides.js';
import { searchRecord, searchSettings, type SearchRunOptions } from './search-run.js';
import { round } from './size.js';
import { DEFAULT_CALIBRATE_GRID, DEFAULT_CALIBRATE_ROUNDS } from './defaults.js';

export interface CalibrateOptions extends SearchRunOptions {
  fits: readonly string[];
  targetsFile: string;
  gridPoints?: number;
  rounds?: number;
}

export interface CalibrateOutcome extends CalibrationAnswer {
  dir: string;
  files: string[];
}

export { DEFAULT_CALIBRATE_GRID, DEFAULT_CALIBRATE_ROUNDS };

/** `mppsim calibrate`: reads the scenario and targets file, calibrates, and writes calibrate.csv, fitted.csv, calibrate-search.csv and the fitted scenario.yaml into `options.out`. */
export async function runCalibrate(file: string, options: CalibrateOptions): Promise<CalibrateOutcome> {
  const document = loadDocument(file);
  const base = validateScenario(document, file);
  const ranges = options.fits.map(parseFitRange);
  const targets = loadCalibrationTargets(options.targetsFile);
  const settings = searchSettings(base, options);
  const { seed, replications } = settings;
  const gridPoints = options.gridPoints ?? DEFAULT_CALIBRATE_GRID;
  const rounds = options.rounds ?? DEFAULT_CALIBRATE_ROUNDS;
  const staged = new StagedOutput(options.out, options.force ?? false);
  const startedAt = new Date();
  try {
    const answer = await calibrate(document, file, ranges, targets, { ...settings, gridPoints, rounds });
    const files = ['calibrate.csv', 'fitted.csv', 'calibrate-search.csv', 'scenario.yaml'];
    staged.write('calibrate.csv', calibrateCsv(answer.targets));
    staged.write('fitted.csv', fittedCsv(answer.fits));
    staged.write('calibrate-search.csv', calibrateSearchCsv(ranges.map((r) => r.name), answer.candidates));
    const cited = { seed, replications, targetsFile: basename(options.targetsFile), targets };
    const calibrated = fittedDocument(document, answer.fits, cited);
    validateScenario(calibrated, `${file} (calibrated)`);
    staged.write('scenario.yaml', stringify(calibrated, { lineWidth: 0 }));
    const fitted = answer.fits.map((f) => ({ parameter: f.range.name, value: f.value, interval: f.interval ?? null }));
    await staged.commit(searchRecord('calibrate', base, { fit: ranges.map((r) => r.name), targetsFile: options.targetsFile, gridPoints, rounds, fitted }, options, startedAt));
    return { ...answer, dir: staged.target, files };
  } finally {
    staged.abandon();
  }
}

/** The scenario document with each fitted value set and cited: the facts of the fitted targets, and how it was fitted. */
function fittedDocument(document: unknown, fits: readonly FittedParameter[], how: { seed: number; replications: number; targetsFile: string; targets: readonly CalibrationTarget[] }): Record<string, unknown> {
  const edited = applyOverrides(document, fits.map((f) => ({ path: f.range.path, value: f.value }))) as Record<string, unknown>;
  const fitted = how.targets.filter((t) => !t.heldOut);
  const facts = [...new Set(fitted.flatMap((t) => (t.fact ? [t.fact] : [])))];
  const figures = fitted.map((t) => `${targetLabel(t)} = ${round(t.value)} ± ${round(t.tolerance)}`).join(', ');
  const citations = { ...((edited.citations as Record<string, unknown> | undefined) ?? {}) };
  for (const f of fits) {
    const interval = f.interval ? ` [${round(f.interval[0])}, ${round(f.interval[1])}]` : ' (no value matched every target)';
    const note = `calibrated to ${how.targetsFile} (${figures}): ${round(f.value)}${interval}, searched in ${f.range.from}..${f.range.to} with seed ${how.seed}, ${how.replications} replications a candidate`;
    citations[f.range.path.join('.')] = facts.length > 0 ? { facts, note } : { assumption: note };
  }
  return { ...edited, citations };
}

/** The terminal lines: each fitted value with its interval, then each target's fit. */
export function calibrationLines(answer: CalibrationAnswer): string[] {
  const values = answer.fits.map((f) => `${f.range.name} = ${round(f.value)}${f.interval ? ` [${round(f.interval[0])}, ${round(f.interval[1])}]` : ' (no value matches every fitted target)'}`);
  const lines = [`${values.join('; ')}, ${answer.candidates.length} candidates, ${answer.replications} replications`];
  for (const t of answer.targets) {
    const e = t.estimate;
    lines.push(
      `  ${t.target.heldOut ? 'held out' : 'fitted  '}  ${targetLabel(t.target)}: reported ${round(t.target.value)} ± ${round(t.target.tolerance)}, simulated ${round(e.mean)} [${round(e.ciLow)}, ${round(e.ciHigh)}], ratio ${Number.isFinite(t.ratio) ? t.ratio.toFixed(3) : 'n/a'}${t.within ? '' : ' (outside tolerance)'}`,
    );
  }
  return lines;
}
