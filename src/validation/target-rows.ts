// The rows a scenario's targets file gives the validation table: each target's figure, read by the
// same code `mppsim calibrate` fitted it with (figures.ts), fitted targets first, then the held-out ones.

import type { Comparison, WhyContext } from './comparison-types.js';
import { figureLabel, figureValue, isDailyFigure } from '../experiment/run-figures.js';
import type { CalibrationTarget } from '../experiment/targets-file.js';

/** One row per target; `why` says why a target's simulated figure may differ from the reported one. */
export function targetRows(targets: readonly CalibrationTarget[], why: (t: CalibrationTarget) => (c: WhyContext) => string): Comparison[] {
  const ordered = [...targets.filter((t) => !t.heldOut), ...targets.filter((t) => t.heldOut)];
  return ordered.map((t) => {
    // The table cites each row's source: a target without a fact has none to show.
    if (!t.fact) throw new Error(`target ${figureLabel(t)} (line ${t.line ?? '?'}) names no fact, which the validation table cites`);
    return { figure: t.note ?? figureLabel(t), facts: [t.fact], simulated: (o) => figureValue(t, o), decimals: isDailyFigure(t) && t.perDay ? 1 : 0, target: t, why: why(t) };
  });
}
