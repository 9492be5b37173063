// The figures reported in 2019 that the model is compared with, and how each is read from a run.
// Each comparison names its facts (seeds/facts.yaml) and says, in one sentence, why the model and
// the report may differ; that sentence is printed only when they do.

import type { Fact, Scenario } from '../scenario/index.js';
import { CALIBRATION } from './calibration-2019.js';
import { dailySum, daysCovered, type Observation } from './observe.js';
import { lastDate, mppStart, perDay, requireStage, tucsonBusRows } from './readings.js';

export { factNumber } from './readings.js';
export { CALIBRATION } from './calibration-2019.js';

export interface Comparison {
  /** The figure, as a reader would name it. */
  figure: string;
  /** The facts the reported value comes from (their sources are cited in the table). */
  facts: readonly string[];
  /** The reported value; by default the first fact's value. */
  reported?: (facts: ReadonlyMap<string, Fact>) => number;
  /** The same figure in one replication. */
  simulated: (o: Observation) => number;
  /** Decimals shown for the simulated figure. */
  decimals: number;
  /** The scenario's parameters were set from this figure, so agreement is by construction. */
  calibrationTarget?: boolean;
  /** The scenario reads this figure (or the count it was reported from) as an input: agreement is by construction. */
  calibrationInput?: boolean;
  /** Why the model and the report differ, in a sentence; shown only when they do. */
  why: (context: WhyContext) => string;
}

export interface WhyContext {
  scenario: Scenario;
  simulated: number;
  reported: number;
}

export interface ScenarioComparisons {
  /** Scenario file, relative to the package root. */
  file: string;
  heading: string;
  /** What the scenario is and how to read its rows, in a paragraph. */
  about: string;
  comparisons: (scenario: Scenario) => Comparison[];
}

export const BASELINE: ScenarioComparisons = {
  file: 'scenarios/baseline-tucson-el-paso.yaml',
  heading: 'baseline-tucson-el-paso: the Tucson busing, November and December 2019',
  about:
    'The bundled baseline, from the day Tucson\'s enrollment starts to the end of its horizon. Its enrolled fraction for Tucson was chosen with the one-busload-a-day report in mind (see its citations), so the bus rows are not independent checks.',
  comparisons: (s) => {
    for (const id of ['tucson', 'tucson-el-paso', 'ciudad-juarez']) requireStage(s, id);
    const from = mppStart(s, 'tucson');
    const end = lastDate(s);
    return [
      ...tucsonBusRows(from, end, 'Families are never split across buses, so a full bus carries a little under its 50 seats, and on days with fewer enrollees it leaves part-empty.'),
      {
        figure: `Ciudad Juarez returns per day, ${from} to ${end}`,
        facts: ['juarez-returns-per-day-from-2019-06-13'],
        simulated: (o) => perDay(dailySum(o, 'ciudad-juarez', 'returned', from, end), daysCovered(o, from, end)),
        decimals: 1,
        why: () =>
          'The reported figure is Mexico\'s intake, a cap in the scenario; El Paso\'s and Tucson\'s enrollees together stay under it on most days.',
      },
    ];
  },
};

export const SCENARIOS: readonly ScenarioComparisons[] = [CALIBRATION, BASELINE];
