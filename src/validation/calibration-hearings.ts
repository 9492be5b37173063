// The calibration scenario's hearing rows: the docket figures its courts produce beside the reported
// lead times, missed hearings, in absentia decisions and tent-court capacities.

import type { Comparison } from './comparison-types.js';
import { dailySum, type Observation } from './observe.js';
import { factRange, factShare, lastDate, metricOf, requireCourt } from './readings.js';
import type { Scenario } from '../scenario/index.js';

const DAYS_PER_MONTH = 365.25 / 12;
const COURT_DECISIONS = ['in_absentia', 'removal_ordered', 'relief', 'terminated'] as const;

/** The first day a court has slots: the day after its period of 0 (a tent court's opening). */
function opening(s: Scenario, court: string): string {
  const closed = s.courts?.[court]?.periods?.find((p) => p.slotsPerDay === 0 && p.from <= s.start);
  if (!closed) throw new Error(`scenario ${s.name}: court "${court}" has no period of 0 slots before its opening, which the comparisons read`);
  return new Date(Date.parse(`${closed.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Days in [from, to] on which a court's docket had slots (weekdays after it opened). */
function hearingDays(o: Observation, court: string, from: string, to: string): number {
  let days = 0;
  for (const row of o.daily) if (row.id === court && row.date >= from && row.date <= to && (row.counts.cap ?? 0) > 0) days++;
  return days;
}

function tentCourt(s: Scenario, name: string, court: string, facts: { opens: string; capacity: string }, range: boolean): Comparison {
  const opens = opening(s, court);
  const end = lastDate(s);
  return {
    figure: `${name} tent court: people heard per hearing day, ${opens} to ${end}`,
    facts: [facts.capacity, facts.opens],
    ...(range ? { reportedRange: (f) => factRange(f, facts.capacity) } : {}),
    simulated: (o) => dailySum(o, court, 'hearings_held', opens, end) / hearingDays(o, court, opens, end),
    decimals: 0,
    calibrationInput: true,
    why: () =>
      'The reported figure is the court\'s capacity, its slots a day in the scenario, so it can hear no more; the people heard are the hearings its returnees\' bookings bring, and at the border-wide enrolled fraction of late 2019 they do not fill the docket after the first weeks, when the cases returned before it opened are heard.',
  };
}

export function hearingRows(s: Scenario): Comparison[] {
  for (const id of ['san-diego-court', 'el-paso-court', 'laredo-tent-court', 'brownsville-tent-court']) requireCourt(s, id);
  const end = lastDate(s);
  const decisions = (o: Observation): number => COURT_DECISIONS.reduce((sum, d) => sum + metricOf(o, d, 'total'), 0);
  const lead = (statistic: 'mean' | 'p50', label: string): Comparison => ({
    figure: `Days from first return to first hearing (${label}, people heard by ${end})`,
    facts: ['mpp-first-hearing-lead'],
    reportedRange: (f) => {
      const [low, high] = factRange(f, 'mpp-first-hearing-lead');
      return [low * DAYS_PER_MONTH, high * DAYS_PER_MONTH];
    },
    simulated: (o) => metricOf(o, `days_to_first_hearing_${statistic}`, 'total'),
    decimals: 1,
    calibrationInput: true,
    why: () =>
      'Every court books a first hearing at least 60 days out (the low end of the reported range, leadDays) and its docket rarely fills, so nearly everyone is heard about two months after the return; the reported 2-4 months are hearings further out on fuller dockets.',
  });
  return [
    lead('mean', 'mean'),
    lead('p50', 'median'),
    {
      figure: `Share of cases whose hearing date had come that missed a hearing, by ${end}`,
      facts: ['mpp-missed-hearing-share'],
      simulated: (o) => o.hearingDates.missed / o.hearingDates.come,
      decimals: 3,
      calibrationInput: true,
      why: () =>
        'The no-show chances (0.2 at the first hearing, 0.3 at later ones) were set from this figure for cases with two or three hearings; many of the model\'s cases have had only their first hearing date by the end, so fewer have missed one.',
    },
    {
      figure: `Share of decided cases decided in absentia, by ${end}`,
      facts: ['mpp-completion-shares', 'mpp-lifetime-cases'],
      reported: (f) => factShare(f, 'mpp-completion-shares', 'in absentia'),
      simulated: (o) => metricOf(o, 'in_absentia', 'total') / decisions(o),
      decimals: 3,
      why: () =>
        'Both are shares of completed cases (in absentia orders over all decisions); the reported one counts the program\'s whole life to March 2021, when the cases still open in 2020 had been decided, most of them in absentia, while the model\'s decisions by March 2020 are the quicker ones.',
    },
    tentCourt(s, 'Laredo', 'laredo-tent-court', { opens: 'laredo-tent-court-opens', capacity: 'laredo-tent-court-people-per-day' }, true),
    tentCourt(s, 'Brownsville', 'brownsville-tent-court', { opens: 'brownsville-tent-court-opens', capacity: 'brownsville-tent-court-people-per-day' }, false),
  ];
}
