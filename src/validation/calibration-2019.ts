// The calibration scenario's comparisons: the figures reported in 2019 for the southwest border,
// each read from a run of scenarios/calibration-2019.yaml.

import { daysInMonth } from '../scenario/index.js';
import type { Comparison, ScenarioComparisons, WhyContext } from './comparison-types.js';
import { hearingRows } from './calibration-hearings.js';
import { dailySum, dailySumOfKind, daysCovered } from './observe.js';
import { targetRows } from './target-rows.js';
import { arrivalsOf, familyShare, lastDate, lastDay, mppStart, percent, perDay, requireStage, tucsonBusRows } from './readings.js';

const COURT_CASES_WHY = (): string =>
  'The month\'s enrolled fraction was fitted (mppsim calibrate) to this figure with the other months\' on 3 replications a candidate, then January and February apart on 10; this page\'s 10 replications differ from the fit\'s 3 by the randomness of arrivals and group sizes, most in the first months (15 people in four days of January, 164 in February, nearly all San Diego\'s families), and people are counted as enrolled when processed, which can be the next month.';

/** Why a target of seeds/calibration-targets.yaml may differ from its reported figure, by its fact. */
const TARGET_WHY: Record<string, (c: WhyContext) => string> = {
  'mpp-returns-2019-12': () => 'The fraction from July 2019 on was fitted (mppsim calibrate) to this figure; it is within the fit\'s tolerance of it.',
  'mpp-returns-2019-03': ({ simulated, reported }) =>
    `Held out of the fit. The fitted roll-out enrolls what TRAC's new court cases count, 518 from January to March, and returns nearly all of them by 31 March; the reported ${reported} was counted in late March, some days before the month's end, and is itself under half the court cases, so the model is ${(simulated / reported).toFixed(1)} times higher.`,
  'mpp-court-cases-2019-07': ({ simulated, reported }) =>
    `Held out of the fit: July shares one fraction with August 2019 to March 2020, fitted to the December returns, and TRAC's July court cases were a peak above that later rate, so the model enrolls ${(simulated / reported).toFixed(2)} of them.`,
  'juarez-returns-per-day-from-2019-06-13': () =>
    'Held out of the fit. The reported figure is Mexico\'s intake after 13 June, which the scenario treats as a cap shared by first returns and returns after an El Paso court hearing; it binds in June and July 2019, and as El Paso\'s apprehensions fell by more than two thirds from May to September 2019 the port returns fewer than its intake from the autumn.',
};

const CUSTODY_WHY = (): string =>
  'The report counts everyone taken into custody at the southwest border, inadmissibles at ports of entry included; the model\'s arrivals are Border Patrol apprehensions only (the seeded sector data), so it is lower by about the ports\' share.';

export const CALIBRATION: ScenarioComparisons = {
  file: 'scenarios/calibration-2019.yaml',
  heading: 'calibration-2019: the southwest border, October 2018 to March 2020',
  about:
    'Nine sectors driven by the monthly apprehension figures in seeds/, each with its own category mix in every month, MPP from each sector\'s start date, the Tucson bus from 22 Nov 2019 (Nogales from 2 Jan 2020), and returns through seven ports. The share of eligible arrivals enrolled (one border-wide share a month, the same in every enrolling sector) was fitted by `mppsim calibrate` to the reported figures of seeds/calibration-targets.yaml, rows 1-10 (shown again, apart, below the table): one share each for January to June 2019 (January and February refitted apart on 10 replications a candidate), to the new MPP court cases of those months (rows 1-6), and one share from July 2019 to March 2020 to the cumulative returns of December 2019 (row 7), marked "calibration target"; rows 8-10 were held out of the fit, the search never saw them, and they check it. Three rows read figures the scenario takes as inputs, marked "calibration input": Tucson\'s and El Paso\'s October 2019 family shares are the reported October family counts (rows 20, 21), and Tucson\'s May 2019 mix is the CBP sector file\'s count that the reported May figure rounds (row 19). Every return starts a case that waits in Mexico for one of four courts (San Diego, El Paso, and the Laredo and Brownsville tent courts, which open in September 2019), and the run goes on to 31 March 2020 for their dockets; a port\'s returns then include returns after a hearing, so the cumulative returns count first returns only, while the Ciudad Juarez rows (Mexico\'s intake) count every crossing. The courts\' notice lead time is the low end of the reported 2-4 months, their no-show chances were set from the missed-hearing share and the tent courts\' slots a day are their reported capacities, so rows 29-31, 33 and 34 are marked "calibration input": rows 33 and 34 say whether the returnees fill the docket, rows 29 and 30 whether it pushes hearings beyond the notice lead time. Every other row is a check the model was not fitted to.',
  targets: 'seeds/calibration-targets.yaml',
  comparisons: (s, targets) => {
    for (const id of ['tucson', 'el-paso', 'tucson-el-paso', 'ciudad-juarez', 'eagle-pass-laredo']) requireStage(s, id);
    const tucsonStart = mppStart(s, 'tucson');
    // The reported figures are of 2019; the run goes on to March 2020 for the courts' dockets.
    const end = '2019-12-31';
    const busEnd = '2020-01-01'; // the last bus before returns moved to Nogales
    if (lastDate(s) < end) throw new Error(`scenario ${s.name} ends before ${end}, which the comparisons read`);
    const elPasoStart = mppStart(s, 'el-paso');
    const families = (sector: string, month: string, fact: string, why: (c: WhyContext) => string): Comparison => ({
      figure: `${sector === 'el-paso' ? 'El Paso' : 'Tucson'} family-unit apprehensions, ${month}`,
      facts: [fact],
      simulated: (o) => arrivalsOf(o, sector, 'family-unit', month),
      decimals: 0,
      calibrationInput: true,
      why,
    });
    return [
      ...targetRows(targets, (t) => TARGET_WHY[t.fact ?? ''] ?? COURT_CASES_WHY),
      {
        figure: 'Del Rio returns per day (Eagle Pass and Laredo), Nov 2019',
        facts: ['del-rio-returns-cap'],
        simulated: (o) => perDay(dailySum(o, 'eagle-pass-laredo', 'returned', '2019-11-01', '2019-11-30'), daysCovered(o, '2019-11-01', '2019-11-30')),
        decimals: 1,
        why: () =>
          'The reported 50 is a cap ("up to 50 a day"), not a count; at the border-wide enrolled fraction Del Rio enrolls fewer than 50 a day, so the model returns all of them and the cap never binds.',
      },
      ...tucsonBusRows(tucsonStart, busEnd, 'At the border-wide enrolled fraction of November and December Tucson enrolls a little more people a day than one 50-seat bus carries, so a queue builds; families are never split across buses, so a full bus leaves with a little under 50; the reports say "about one busload a day" without saying how full.'),
      {
        figure: `Ciudad Juarez returns per day, ${elPasoStart} to 2019-06-12`,
        facts: ['juarez-returns-per-day-before-2019-06-13'],
        simulated: (o) => perDay(dailySum(o, 'ciudad-juarez', 'returned', elPasoStart, '2019-06-12'), daysCovered(o, elPasoStart, '2019-06-12')),
        decimals: 1,
        why: () =>
          'The reported figure is Mexico\'s intake, which the scenario treats as a cap; El Paso enrolls at most 90% of it, and in March and April, while the border-wide roll-out (from the court cases) was still low, well under it, so the port returns fewer than its intake over the period.',
      },
      ...(
        [
          ['2019-02', 'border-custody-2019-02'],
          ['2019-05', 'border-custody-2019-05'],
          ['2019-10', 'border-custody-2019-10'],
        ] as const
      ).map(
        ([month, fact]): Comparison => ({
          figure: `Southwest-border custody, ${month}`,
          facts: [fact],
          simulated: (o) => dailySumOfKind(o, 'sector', 'arrivals', `${month}-01`, lastDay(month)),
          decimals: 0,
          why: CUSTODY_WHY,
        }),
      ),
      {
        figure: 'Southwest-border custody, FY2019 (Oct 2018 - Sep 2019)',
        facts: ['border-custody-fy2019'],
        simulated: (o) => dailySumOfKind(o, 'sector', 'arrivals', '2018-10-01', '2019-09-30'),
        decimals: 0,
        why: CUSTODY_WHY,
      },
      families('tucson', '2019-05', 'tucson-family-apprehensions-2019-05', ({ scenario }) =>
        `Tucson's May 2019 family share in the scenario (${percent(familyShare(scenario, 'tucson', '2019-05'))}) is the CBP sector file's count (1,773), which the reported figure rounds; if they differ, the scenario has changed since.`,
      ),
      families('tucson', '2019-10', 'tucson-family-apprehensions-2019-10', ({ scenario }) =>
        `Tucson's October 2019 family share in the scenario (${percent(familyShare(scenario, 'tucson', '2019-10'))}) was set from this figure; if they differ, the scenario has changed since.`,
      ),
      families('el-paso', '2019-10', 'el-paso-family-apprehensions-2019-10', ({ scenario }) =>
        `El Paso's October 2019 family share in the scenario (${percent(familyShare(scenario, 'el-paso', '2019-10'))}) was set from this figure; if they differ, the scenario has changed since.`,
      ),
      {
        figure: 'Tucson families released after processing (no MPP), per day, Oct 2019',
        facts: ['casa-alitas-arrivals-before-busing'],
        simulated: (o) => perDay(o.exits.get('tucson|family-unit|other|2019-10') ?? 0, daysInMonth('2019-10')),
        decimals: 1,
        why: ({ scenario }) =>
          `Tucson's October 2019 family share in the scenario (${percent(familyShare(scenario, 'tucson', '2019-10'))}) is the reported one, and nobody in Tucson is enrolled before 22 November, so every processed family is released; the shelter figure may also include families released by other agencies, or miss some.`,
      },
      ...(['07', '08', '09', '10', '11', '12'] as const).map(
        (m): Comparison => ({
          figure: `Fear interviews (MPP referrals to USCIS), 2019-${m}`,
          facts: [`uscis-fear-referrals-2019-${m}`],
          simulated: (o) => dailySumOfKind(o, 'screening', 'interviewed', `2019-${m}-01`, lastDay(`2019-${m}`)),
          decimals: 0,
          why: () =>
            'Interviews in the model are a fixed share (fearFraction 0.3, itself set from these referrals against the average monthly returns) of enrolled groups, so they follow the model\'s monthly enrollment (in July, about 10,000 people at the fitted fraction), while the referrals reported for a month do not follow that month\'s enrollment.',
        }),
      ),
      ...hearingRows(s),
    ];
  },
};
