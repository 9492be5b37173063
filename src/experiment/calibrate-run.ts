// `calibrate` from a scenario file and a targets file to an output folder: calibrate.csv (each
// target's fit), fitted.csv (each value with its interval), calibrate-search.csv (every candidate)
// and scenario.yaml, the scenario with the fitted values, each cited as "calibrated to …".

import { readFileSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { stringify } from 'yaml';
import { StagedOutput, calibrateCsv, calibrateSearchCsv, fittedCsv } from '../output/index.js';
import { bundledScenarioFile, loadDocument, parseText, validateScenario } from '../scenario/index.js';
import { calibrate, parseFitRange, type CalibrationAnswer, type FittedParameter, type TargetFit } from './calibrate.js';
import { checkTargetsAgainst, loadCalibrationTargets, targetLabel, type CalibrationTarget } from './calibration-targets.js';
import { fittedScenarioText, type FittedCitation } from './fitted-scenario-text.js';
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
  checkTargetsAgainst(targets, base, options.targetsFile);
  const settings = searchSettings(base, options);
  const { seed, replications } = settings;
  const gridPoints = options.gridPoints ?? DEFAULT_CALIBRATE_GRID;
  const rounds = options.rounds ?? DEFAULT_CALIBRATE_ROUNDS;
  const staged = new StagedOutput(options.out, options.force ?? false);
  const startedAt = new Date();
  try {
    // For the progress bar: each round tries every grid point of each parameter, then each interval takes about 2 × 10 bisection steps.
    const expectedReplications = ranges.length * (rounds * gridPoints + 20) * replications;
    const answer = await calibrate(document, file, ranges, targets, { ...settings, gridPoints, rounds, expectedReplications });
    const files = ['calibrate.csv', 'fitted.csv', 'calibrate-search.csv', 'scenario.yaml'];
    staged.write('calibrate.csv', calibrateCsv(answer.targets.map((t) => ({ ...t, figure: targetLabel(t.target) }))));
    staged.write('fitted.csv', fittedCsv(answer.fits));
    staged.write('calibrate-search.csv', calibrateSearchCsv(ranges.map((r) => r.name), answer.candidates));
    const how = { seed, replications, gridPoints, rounds, targetsFile: shownPath(options.targetsFile), date: startedAt.toISOString().slice(0, 10), targets };
    const text = fittedText(file, document, answer.fits, how);
    validateScenario(parseText(`${file} (calibrated)`, text), `${file} (calibrated)`);
    staged.write('scenario.yaml', text);
    const fitted = answer.fits.map((f) => ({ parameter: f.range.name, value: f.value, interval: f.interval ?? null }));
    await staged.commit(searchRecord('calibrate', base, { fit: ranges.map((r) => r.name), targetsFile: options.targetsFile, gridPoints, rounds, fitted }, options, startedAt));
    return { ...answer, dir: staged.target, files };
  } finally {
    staged.abandon();
  }
}

interface HowFitted {
  seed: number;
  replications: number;
  gridPoints: number;
  rounds: number;
  targetsFile: string;
  date: string;
  targets: readonly CalibrationTarget[];
}

/** A path as the citation shows it: relative to the working folder when inside it, else the file's name. */
function shownPath(file: string): string {
  const shown = relative(process.cwd(), resolve(file));
  return shown.startsWith('..') || isAbsolute(shown) ? basename(file) : shown.split(sep).join('/');
}

/** The citation of the fitted values: the facts of the fitted targets, and how they were fitted. */
function fittedCitation(fits: readonly FittedParameter[], how: HowFitted): FittedCitation {
  const fitted = how.targets.filter((t) => !t.heldOut);
  const heldOut = how.targets.filter((t) => t.heldOut);
  const facts = [...new Set(fitted.flatMap((t) => (t.fact ? [t.fact] : [])))];
  const figures = (list: readonly CalibrationTarget[]) => list.map((t) => `${t.fact ?? targetLabel(t)} = ${round(t.value)} ± ${round(t.tolerance)}`).join(', ');
  const values = fits.map((f) => `${f.range.name} = ${round(f.value)}${f.interval ? ` [${round(f.interval[0])}, ${round(f.interval[1])}]` : ' (no value matched every target)'} in ${f.range.from}..${f.range.to}`);
  const note = [
    `calibrated to ${how.targetsFile} by mppsim calibrate on ${how.date}: ${values.join('; ')}`,
    `fitted to ${figures(fitted)}${heldOut.length > 0 ? `; held out ${figures(heldOut)}` : ''}`,
    `seed ${how.seed}, ${how.replications} replications a candidate, ${how.gridPoints} grid points, ${how.rounds} rounds`,
  ].join('; ');
  return { facts, note };
}

/** The fitted scenario's text: the file edited in place (its comments kept), or, when it cannot be (JSON, a flow mapping of citations), re-printed. */
function fittedText(file: string, document: unknown, fits: readonly FittedParameter[], how: HowFitted): string {
  const citation = fittedCitation(fits, how);
  const edits = fits.flatMap((f) => f.paths.map((path) => ({ path, value: f.value })));
  const comment = `calibrated to ${how.targetsFile} by mppsim calibrate on ${how.date}`;
  try {
    return fittedScenarioText(readFileSync(bundledScenarioFile(file) ?? file, 'utf8'), edits, comment, citation);
  } catch {
    const edited = applyOverrides(document, edits) as Record<string, unknown>;
    const cited = { ...((edited.citations as Record<string, unknown> | undefined) ?? {}) };
    for (const f of fits) for (const path of f.paths) cited[path.join('.')] = citation.facts.length > 0 ? { facts: citation.facts, note: citation.note } : { assumption: citation.note };
    return stringify({ ...edited, citations: cited }, { lineWidth: 0 });
  }
}

/** The terminal lines: each fitted value with its interval, then the fitted targets' fits and, apart, the held-out ones'. */
export function calibrationLines(answer: CalibrationAnswer): string[] {
  const values = answer.fits.map((f) => `${f.range.name} = ${round(f.value)}${f.interval ? ` [${round(f.interval[0])}, ${round(f.interval[1])}]` : ' (no value matches every fitted target)'}`);
  const lines = [`${values.join('; ')}, ${answer.candidates.length} candidates, ${answer.replications} replications`];
  const fitLine = (t: TargetFit): string => {
    const e = t.estimate;
    const named = `${targetLabel(t.target)}${t.target.fact ? ` (${t.target.fact})` : ''}`;
    return `  ${named}: reported ${round(t.target.value)} ± ${round(t.target.tolerance)}, simulated ${round(e.mean)} [${round(e.ciLow)}, ${round(e.ciHigh)}], ratio ${Number.isFinite(t.ratio) ? t.ratio.toFixed(3) : 'n/a'}${t.within ? '' : ' (outside tolerance)'}`;
  };
  const heldOut = answer.targets.filter((t) => t.target.heldOut);
  lines.push('fitted targets (the search used these):', ...answer.targets.filter((t) => !t.target.heldOut).map(fitLine));
  if (heldOut.length > 0) lines.push('held-out targets (not used by the search, a check on the fit):', ...heldOut.map(fitLine));
  return lines;
}
