// Whole-run figures of the hearing half, added only when a scenario has courts (so a scenario without
// them keeps exactly its figures). Plain records in, (metric, scope, value) rows out.

import type { QuantileSketch } from '../stats/quantile-sketch.js';
import type { StageFigures } from './figures.js';
import { COURT_EXITS, type Exit } from './results.js';

export interface HearingFigures {
  inMexico: Float64Array;
  inMexicoAtStart: Float64Array | null;
  timing: CaseTimes;
  /** `postponed`: people whose hearing a postponement moved (null: the court has none). */
  courts: { id: string; stage: StageFigures; leadDaysEnd: number | null; timing: CaseTimes; transport: TransportFigures | null; postponed: number | null }[];
  /** Per port (in the ports' order), the people its hearing intake refused; null: the port has no intake limit. */
  intakeRefused: (number | null)[];
}

/** What a court's transport carried after warm-up, and the seats of one trip. */
export interface TransportFigures {
  trips_to_court: number;
  rode_to_court: number;
  missed_no_seat: number;
  trips_to_port: number;
  rode_to_port: number;
  seatsPerTrip: number;
}

type Add = (metric: string, scope: string, value: number) => void;
type CaseTimes = { toFirstHearing: QuantileSketch; toDecision: QuantileSketch };

/** Days from a case's first return to its first hearing and to its decision, at one scope. */
function addCaseTimes(times: CaseTimes, scope: string, add: Add): void {
  add('days_to_first_hearing_mean', scope, times.toFirstHearing.mean);
  add('days_to_first_hearing_p50', scope, times.toFirstHearing.quantile(0.5));
  add('days_to_first_hearing_p90', scope, times.toFirstHearing.quantile(0.9));
  add('days_to_decision_mean', scope, times.toDecision.mean);
  add('days_to_decision_p90', scope, times.toDecision.quantile(0.9));
}

export function addHearingTotals(h: HearingFigures, exitsByOrigin: Record<Exit, Float64Array>, add: Add): void {
  const total = (values: Float64Array): number => values.reduce((a, b) => a + b, 0);
  add('in_mexico_end', 'total', total(h.inMexico));
  if (h.inMexicoAtStart) add('in_mexico_start', 'total', total(h.inMexicoAtStart));
  for (const exit of COURT_EXITS) add(exit, 'total', total(exitsByOrigin[exit]));
  add('hearings_held', 'total', h.courts.reduce((a, c) => a + c.stage.total.hearings_held, 0));
  addCaseTimes(h.timing, 'total', add);
}

/** By sector of origin, so that each sector's conservation still balances. */
export function addHearingBySector(h: HearingFigures, exitsByOrigin: Record<Exit, Float64Array>, sector: number, id: string, add: Add): void {
  add('in_mexico_end', id, h.inMexico[sector]);
  if (h.inMexicoAtStart) add('in_mexico_start', id, h.inMexicoAtStart[sector]);
  for (const exit of COURT_EXITS) add(exit, id, exitsByOrigin[exit][sector]);
}

export function addCourtFigures(h: HearingFigures, add: Add, queueFigures: (stage: StageFigures) => void): void {
  for (const court of h.courts) {
    const t = court.stage.total;
    for (const figure of ['hearings_scheduled', 'hearings_held', 'in_absentia', 'resets', 'removal_ordered', 'relief', 'terminated'] as const) add(figure, court.id, t[figure]);
    add('in_mexico_end', court.id, court.stage.queuedPeople);
    add('docket_lead_days_end', court.id, court.leadDaysEnd ?? NaN);
    addCaseTimes(court.timing, court.id, add);
    if (court.transport) addTransportFigures(court.transport, court.id, add);
    if (court.postponed !== null) add('postponed', court.id, court.postponed);
    queueFigures(court.stage);
  }
}

/** A court's transport, reported only by a court that has one. */
function addTransportFigures(t: TransportFigures, scope: string, add: Add): void {
  for (const figure of ['trips_to_court', 'rode_to_court', 'missed_no_seat', 'trips_to_port', 'rode_to_port'] as const) add(figure, scope, t[figure]);
  const seats = (t.trips_to_court + t.trips_to_port) * t.seatsPerTrip;
  add('trip_load_factor', scope, seats > 0 ? (t.rode_to_court + t.rode_to_port) / seats : NaN);
}

export function addPortHearingFigures(stage: StageFigures, intakeRefused: number | null, add: Add): void {
  add('crossings_in', stage.id, stage.total.crossings_in);
  add('returned_after_hearing', stage.id, stage.total.returned_after_hearing);
  if (intakeRefused !== null) add('intake_refused', stage.id, intakeRefused);
}
