// The figures reported in 2019 that the model is compared with, and how each is read from a run.
// Each comparison names its facts (seeds/facts.yaml) and says, in one sentence, why the model and
// the report may differ; that sentence is printed only when they do.

import { CALIBRATION } from './calibration-2019.js';
import type { ScenarioComparisons } from './comparison-types.js';
import { dailySum, daysCovered } from './observe.js';
import { lastDate, mppStart, perDay, requireStage, tucsonBusRows } from './readings.js';

export { factNumber } from './readings.js';
export { CALIBRATION } from './calibration-2019.js';

export type { Comparison, ScenarioComparisons, WhyContext } from './comparison-types.js';

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
