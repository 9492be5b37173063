// The reported figures a calibration fits to: the targets file is read by validation/targets-file.ts
// (docs/VALIDATION.md shows the same targets) and each figure computed by validation/figures.ts, the
// code the comparisons with reported figures use, so a target and its row there cannot disagree.

import { ScenarioError, addDays, type InputProblem, type Scenario } from '../scenario/index.js';
import { figureLabel, figureProblem, figureValue, isDailyFigure, type RunOutputs } from './run-figures.js';
import type { CalibrationTarget } from './targets-file.js';
import { UsageError } from './errors.js';

export { loadCalibrationTargets, withinTolerance, type CalibrationTarget } from './targets-file.js';

export function targetLabel(t: CalibrationTarget): string {
  return figureLabel(t);
}

/** The target's figure in one replication; a UsageError naming the target when the outputs lack it. */
export function calibrationValue(target: CalibrationTarget, run: RunOutputs): number {
  const value = figureValue(target, run);
  if (Number.isNaN(value)) throw new UsageError(`target ${targetLabel(target)}: ${figureProblem(target, run) ?? 'the outputs do not give it'}`);
  return value;
}

/** Targets of a daily count whose stage the scenario lacks or whose dates lie outside its run: ScenarioError naming the targets file. */
export function checkTargetsAgainst(targets: readonly CalibrationTarget[], scenario: Scenario, file: string): void {
  const stages = new Set([scenario.sectors, scenario.busRoutes, scenario.screenings, scenario.ports, scenario.courts ?? {}].flatMap((m) => Object.keys(m)));
  const [first, last] = [addDays(scenario.start, scenario.warmupDays ?? 0), addDays(scenario.start, scenario.days - 1)];
  const problems: InputProblem[] = [];
  targets.forEach((t, i) => {
    if (!isDailyFigure(t)) return;
    const where = t.line ? ` (line ${t.line})` : '';
    if (t.stage !== undefined && !stages.has(t.stage)) problems.push({ path: `[${i}].stage`, message: `expected a stage of ${scenario.name}, got "${t.stage}"${where}` });
    if (t.to < first || (t.from ?? first) > last) problems.push({ path: `[${i}]`, message: `${targetLabel(t)}: the dates lie outside the run of ${scenario.name}, ${first} to ${last}${where}` });
  });
  if (problems.length > 0) throw new ScenarioError(file, problems);
}
