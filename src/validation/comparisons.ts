// The figures reported in 2019 that the model is compared with, and how each is read from a run.
// Each comparison names its facts (seeds/facts.yaml) and says, in one sentence, why the model and
// the report may differ; that sentence is printed only when they do.

import { daysInMonth, type Fact, type Scenario } from '../scenario/index.js';
import { dailySum, dailySumOfKind, daysCovered, type Observation } from './observe.js';

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

export function factNumber(facts: ReadonlyMap<string, Fact>, id: string): number {
  const fact = facts.get(id);
  if (!fact) throw new Error(`fact ${id} is not in seeds/facts.yaml`);
  if (typeof fact.value !== 'number') throw new Error(`fact ${id} is not a number (${String(fact.value)})`);
  return fact.value;
}

const lastDay = (month: string): string => `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
const percent = (share: number): string => `${Math.round(100 * share)}%`;

function familyShare(scenario: Scenario, sector: string): number {
  const mix = requireSector(scenario, sector).arrivals?.mix ?? {};
  const total = Object.values(mix).reduce((a, b) => a + b, 0);
  return (mix['family-unit'] ?? 0) / total;
}

function requireSector(scenario: Scenario, id: string): Scenario['sectors'][string] {
  const sector = scenario.sectors[id];
  if (!sector) throw new Error(`scenario ${scenario.name} has no sector "${id}", which the comparisons read`);
  return sector;
}

function requireStage(scenario: Scenario, id: string): void {
  if (!(id in scenario.sectors || id in scenario.busRoutes || id in scenario.screenings || id in scenario.ports)) {
    throw new Error(`scenario ${scenario.name} has no stage "${id}", which the comparisons read`);
  }
}

/** The first day of a sector's first MPP period: when its enrollment starts. */
function mppStart(scenario: Scenario, sector: string): string {
  const from = requireSector(scenario, sector).mpp?.periods?.[0]?.from;
  if (!from) throw new Error(`scenario ${scenario.name}: sector "${sector}" has no mpp.periods, which date the comparisons`);
  return from;
}

function lastDate(scenario: Scenario): string {
  const end = new Date(Date.parse(`${scenario.start}T00:00:00Z`) + (scenario.days - 1) * 86_400_000);
  return end.toISOString().slice(0, 10);
}

/** People of a category arriving in a sector in a month, from the per-person records. */
function arrivalsOf(o: Observation, sector: string, category: string, month: string): number {
  return o.arrivals.get(`${sector}|${category}|${month}`) ?? 0;
}

const perDay = (total: number, days: number): number => (days > 0 ? total / days : NaN);

const CUSTODY_WHY = (): string =>
  'The report counts everyone taken into custody at the southwest border, inadmissibles at ports of entry included; the model\'s arrivals are Border Patrol apprehensions only (the seeded sector data), so it is lower by about the ports\' share.';

export const CALIBRATION: ScenarioComparisons = {
  file: 'scenarios/calibration-2019.yaml',
  heading: 'calibration-2019: the southwest border, October 2018 to December 2019',
  about:
    'Nine sectors driven by the monthly apprehension figures in seeds/, MPP from each sector\'s start date, the Tucson bus from 22 Nov 2019, and returns through six ports. One number was set from a reported figure: the share of eligible arrivals enrolled (0.33 everywhere), from the cumulative returns of December 2019, marked "calibration target" below. Every other row is a check the model was not fitted to.',
  comparisons: (s) => {
    for (const id of ['tucson', 'el-paso', 'tucson-el-paso', 'ciudad-juarez', 'eagle-pass-laredo']) requireStage(s, id);
    const tucsonStart = mppStart(s, 'tucson');
    const end = lastDate(s);
    const juarezRise = '2019-06-13';
    const elPasoStart = mppStart(s, 'el-paso');
    const families = (sector: string, month: string, fact: string, why: (c: WhyContext) => string): Comparison => ({
      figure: `${sector === 'el-paso' ? 'El Paso' : 'Tucson'} family-unit apprehensions, ${month}`,
      facts: [fact],
      simulated: (o) => arrivalsOf(o, sector, 'family-unit', month),
      decimals: 0,
      why,
    });
    return [
      {
        figure: 'People returned under MPP, cumulative, by 31 Mar 2019',
        facts: ['mpp-returns-2019-03'],
        simulated: (o) => dailySumOfKind(o, 'port', 'returned', s.start, '2019-03-31'),
        decimals: 0,
        why: ({ simulated, reported }) =>
          `The program began with a few returns a day at San Ysidro, while the scenario enrolls its full fraction from each sector's first day (San Diego 28 Jan, El Centro 12 Mar, El Paso 19 Mar), so by the end of March it has returned about ${Math.round(simulated / reported)} times the reported figure.`,
      },
      {
        figure: 'People returned under MPP, cumulative, by 31 Dec 2019',
        facts: ['mpp-returns-2019-12'],
        simulated: (o) => dailySumOfKind(o, 'port', 'returned', s.start, '2019-12-31'),
        decimals: 0,
        calibrationTarget: true,
        why: () => 'The enrolled fraction was set from this figure; if they differ, the scenario has changed since.',
      },
      {
        figure: 'Del Rio returns per day (Eagle Pass and Laredo), Nov 2019',
        facts: ['del-rio-returns-cap'],
        simulated: (o) => perDay(dailySum(o, 'eagle-pass-laredo', 'returned', '2019-11-01', '2019-11-30'), daysCovered(o, '2019-11-01', '2019-11-30')),
        decimals: 1,
        why: () =>
          'The reported 50 is a cap ("up to 50 a day"), not a count; at the border-wide enrolled fraction Del Rio enrolls fewer than 50 a day, so the model returns all of them and the cap never binds.',
      },
      {
        figure: `Tucson-El Paso bus departures per day, ${tucsonStart} to ${end}`,
        facts: ['tucson-el-paso-busloads-per-day'],
        simulated: (o) => perDay(dailySum(o, 'tucson-el-paso', 'departures', tucsonStart, end), daysCovered(o, tucsonStart, end)),
        decimals: 2,
        why: () => 'A bus leaves whenever anyone waits at its departure time, and the scenario has one bus a day.',
      },
      {
        figure: `People bused from Tucson to El Paso per day, ${tucsonStart} to ${end}`,
        facts: ['tucson-el-paso-busloads-per-day', 'bus-people-per-bus'],
        reported: (f) => factNumber(f, 'tucson-el-paso-busloads-per-day') * factNumber(f, 'bus-people-per-bus'),
        simulated: (o) => perDay(dailySum(o, 'tucson-el-paso', 'boarded', tucsonStart, end), daysCovered(o, tucsonStart, end)),
        decimals: 1,
        why: () =>
          'At the border-wide enrolled fraction Tucson enrolls fewer people a day than one 50-seat bus carries, so the daily bus leaves part-empty; the reports say "about one busload a day" without saying how full.',
      },
      {
        figure: `Ciudad Juarez returns per day, ${elPasoStart} to 2019-06-12`,
        facts: ['juarez-returns-per-day-before-2019-06-13'],
        simulated: (o) => perDay(dailySum(o, 'ciudad-juarez', 'returned', elPasoStart, '2019-06-12'), daysCovered(o, elPasoStart, '2019-06-12')),
        decimals: 1,
        why: () =>
          'The reported figure is Mexico\'s intake, which the scenario treats as a cap and keeps El Paso\'s enrollment at 90% of; daily arrivals vary, so the port returns somewhat fewer than its intake.',
      },
      {
        figure: `Ciudad Juarez returns per day, ${juarezRise} to ${end}`,
        facts: ['juarez-returns-per-day-from-2019-06-13'],
        simulated: (o) => perDay(dailySum(o, 'ciudad-juarez', 'returned', juarezRise, end), daysCovered(o, juarezRise, end)),
        decimals: 1,
        why: () =>
          'The reported figure is Mexico\'s intake after 13 June; El Paso\'s apprehensions fell by more than two thirds from May to September 2019, so at the border-wide enrolled fraction the model sends Ciudad Juarez well under its intake.',
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
        `The scenario gives Tucson one mix for the whole horizon, its FY2019 family share (${percent(familyShare(scenario, 'tucson'))}), which was close to May's.`,
      ),
      families('tucson', '2019-10', 'tucson-family-apprehensions-2019-10', ({ scenario }) =>
        `The scenario gives Tucson one mix for the whole horizon, its FY2019 family share (${percent(familyShare(scenario, 'tucson'))}); in October 2019 families were 38% of Tucson's apprehensions (2,400 of 6,340), and the format has no monthly mix.`,
      ),
      families('el-paso', '2019-10', 'el-paso-family-apprehensions-2019-10', ({ scenario }) =>
        `The scenario gives El Paso one mix for the whole horizon, its FY2019 family share (${percent(familyShare(scenario, 'el-paso'))}, dominated by the spring 2019 peak); in October 2019 families were 40% of El Paso's apprehensions (2,100 of 5,230), and the format has no monthly mix.`,
      ),
      {
        figure: 'Tucson families released after processing (no MPP), per day, Oct 2019',
        facts: ['casa-alitas-arrivals-before-busing'],
        simulated: (o) => perDay(o.exits.get('tucson|family-unit|other|2019-10') ?? 0, daysInMonth('2019-10')),
        decimals: 1,
        why: ({ scenario }) =>
          `Tucson's family share in the scenario is its FY2019 one (${percent(familyShare(scenario, 'tucson'))}) rather than October 2019's 38%, so fewer families are processed and released; the shelter figure may also include families released by other agencies.`,
      },
      ...(['07', '08', '09', '10', '11', '12'] as const).map(
        (m): Comparison => ({
          figure: `Fear interviews (MPP referrals to USCIS), 2019-${m}`,
          facts: [`uscis-fear-referrals-2019-${m}`],
          simulated: (o) => dailySumOfKind(o, 'screening', 'interviewed', `2019-${m}-01`, lastDay(`2019-${m}`)),
          decimals: 0,
          why: () =>
            'Interviews in the model are a fixed share (fearFraction 0.3, itself set from these referrals against the average monthly returns) of enrolled groups, so they follow the model\'s monthly enrollment, which differs from 2019\'s month by month.',
        }),
      ),
    ];
  },
};

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
      {
        figure: `Tucson-El Paso bus departures per day, ${from} to ${end}`,
        facts: ['tucson-el-paso-busloads-per-day'],
        simulated: (o) => perDay(dailySum(o, 'tucson-el-paso', 'departures', from, end), daysCovered(o, from, end)),
        decimals: 2,
        why: () => 'A bus leaves whenever anyone waits at its departure time, and the scenario has one bus a day.',
      },
      {
        figure: `People bused from Tucson to El Paso per day, ${from} to ${end}`,
        facts: ['tucson-el-paso-busloads-per-day', 'bus-people-per-bus'],
        reported: (f) => factNumber(f, 'tucson-el-paso-busloads-per-day') * factNumber(f, 'bus-people-per-bus'),
        simulated: (o) => perDay(dailySum(o, 'tucson-el-paso', 'boarded', from, end), daysCovered(o, from, end)),
        decimals: 1,
        why: () =>
          'Families are never split across buses, so a full bus carries a little under its 50 seats, and on days with fewer enrollees it leaves part-empty.',
      },
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
