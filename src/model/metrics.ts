// Whole-run figures of one replication, as (metric, scope, value) rows: the summary's raw material.
// Takes plain records of what the blocks observed (no model class), so nothing here imports the flow.

import type { QuantileSketch } from '../stats/quantile-sketch.js';
import type { TimeWeighted } from '../stats/time-weighted.js';
import { addCourtFigures, addHearingBySector, addHearingTotals, addPortHearingFigures, type HearingFigures } from './hearing-metrics.js';
import type { StageFigures, StaffFigures } from './figures.js';
import { EXITS, type DailyCount, type Exit, type Metric } from './results.js';

export type { StageFigures, StaffFigures } from './figures.js';

export interface ModelFigures {
  countedDays: number;
  end: number;
  inCustody: Float64Array;
  /** In custody per sector of origin when the counted window began; null without a warm-up (nobody). */
  inCustodyAtStart: Float64Array | null;
  exitsByOrigin: Record<Exit, Float64Array>;
  waits: Record<Exit, QuantileSketch>;
  /** Waits by exit and sector of origin, and by exit and category (ids beside them). */
  waitsBySector: Record<Exit, QuantileSketch[]>;
  waitsByCategory: Record<Exit, QuantileSketch[]>;
  categoryIds: readonly string[];
  sectors: { id: string; stage: StageFigures; occupancy: TimeWeighted; occupied: number; agents: StaffFigures | null }[];
  routes: { id: string; stage: StageFigures }[];
  screenings: { id: string; stage: StageFigures; officers: StaffFigures }[];
  ports: { id: string; stage: StageFigures }[];
  /** Null without courts: a return is then an exit and nothing below is reported. */
  hearings: HearingFigures | null;
}

export function collectMetrics(model: ModelFigures): Metric[] {
  const { end, inCustody } = model;
  const metrics: Metric[] = [];
  const add = (metric: string, scope: string, value: number): void => void metrics.push({ metric, scope, value });
  const days = model.countedDays;
  const sum = (stages: StageFigures[], figure: DailyCount): number => stages.reduce((a, s) => a + s.total[figure], 0);
  const sectorStages = model.sectors.map((s) => s.stage);
  const portStages = model.ports.map((p) => p.stage);
  const routeStages = model.routes.map((r) => r.stage);
  const screeningStages = model.screenings.map((s) => s.stage);
  const hearings = model.hearings;
  // With courts, a port's returns are crossings into Mexico (first and after hearings); the total
  // `returned` stays an exit (returns through ports without a court), so totals still balance.
  const crossings = sum(portStages, 'returned');
  const returned = hearings ? model.exitsByOrigin.returned.reduce((a, b) => a + b, 0) : crossings;
  const boarded = sum(routeStages, 'boarded');
  const seats = sum(routeStages, 'seats_offered');

  add('arrivals', 'total', sum(sectorStages, 'arrivals'));
  add('returned', 'total', returned);
  add('released', 'total', sum(sectorStages, 'released'));
  add('screened_out', 'total', sum(screeningStages, 'screened_out'));
  add('other', 'total', sum(sectorStages, 'other'));
  add('in_custody_end', 'total', inCustody.reduce((a, b) => a + b, 0));
  // After a warm-up the counted window starts with people already held: the balance needs them.
  const atStart = model.inCustodyAtStart;
  if (atStart) add('in_custody_start', 'total', atStart.reduce((a, b) => a + b, 0));
  add('boarded', 'total', boarded);
  add('bus_load_factor', 'total', seats > 0 ? boarded / seats : NaN);
  add('returns_per_day', 'total', crossings / days);
  if (hearings) {
    add('crossings_to_mexico', 'total', crossings);
    addHearingTotals(hearings, model.exitsByOrigin, add);
  }

  const waitFigures = (scope: string, sketch: QuantileSketch): void => {
    add('wait_hours_mean', scope, sketch.mean);
    add('wait_hours_p50', scope, sketch.quantile(0.5));
    add('wait_hours_p90', scope, sketch.quantile(0.9));
    add('wait_hours_p95', scope, sketch.quantile(0.95));
    add('wait_hours_max', scope, sketch.max);
  };
  for (const exit of EXITS) waitFigures(exit, model.waits[exit]);
  // "How much faster are Tucson's returnees returned?": the same waits by sector of origin and by
  // category, scoped "<exit>/<sector>" and "<exit>/<category>".
  for (const exit of EXITS) {
    model.sectors.forEach((sector, i) => waitFigures(`${exit}/${sector.id}`, model.waitsBySector[exit][i]));
    model.categoryIds.forEach((category, i) => waitFigures(`${exit}/${category}`, model.waitsByCategory[exit][i]));
  }

  const queueFigures = (stage: StageFigures): void => {
    const queue = stage.queue.total(end);
    add('queue_mean', stage.id, queue.mean);
    add('queue_max', stage.id, queue.max);
    add('queue_end', stage.id, stage.queuedPeople);
    add('queue_wait_hours_mean', stage.id, stage.waitPeople > 0 ? stage.waitPeopleHours / stage.waitPeople : NaN);
    // What Little's law needs over the counted window: people who joined the queue, and the
    // people-hours spent in it by everyone (those still waiting at the end included).
    add('queue_entered', stage.id, stage.enteredPeople);
    add('queue_wait_hours_total', stage.id, stage.peopleHoursInWindow(end));
  };

  model.sectors.forEach((sector, i) => {
    const t = sector.stage.total;
    add('arrivals', sector.id, t.arrivals);
    // Exits by sector of origin, so that conservation can be checked per sector from summary.csv.
    add('returned', sector.id, model.exitsByOrigin.returned[i]);
    add('released', sector.id, model.exitsByOrigin.released[i]);
    add('screened_out', sector.id, model.exitsByOrigin.screened_out[i]);
    add('other', sector.id, model.exitsByOrigin.other[i]);
    add('processed', sector.id, t.processed);
    add('enrolled', sector.id, t.enrolled);
    add('bus_arrivals', sector.id, t.bus_arrivals);
    add('in_custody_end', sector.id, inCustody[i]);
    if (atStart) add('in_custody_start', sector.id, atStart[i]);
    if (hearings) addHearingBySector(hearings, model.exitsByOrigin, i, sector.id, add);
    const occupancy = sector.occupancy.total(end);
    add('occupancy_mean', sector.id, occupancy.mean);
    add('occupancy_max', sector.id, occupancy.max);
    add('occupancy_end', sector.id, sector.occupied);
    if (sector.agents) add('utilization', sector.id, ratio(sector.agents.busyOverTime.total(end).mean, sector.agents.onDutyOverTime.total(end).mean));
    queueFigures(sector.stage);
  });
  for (const route of model.routes) {
    const t = route.stage.total;
    add('boarded', route.id, t.boarded);
    add('seats_offered', route.id, t.seats_offered);
    add('departures', route.id, t.departures);
    add('bus_load_factor', route.id, t.seats_offered > 0 ? t.boarded / t.seats_offered : NaN);
    queueFigures(route.stage);
  }
  for (const screening of model.screenings) {
    const t = screening.stage.total;
    add('interviewed', screening.id, t.interviewed);
    add('screened_out', screening.id, t.screened_out);
    add('utilization', screening.id, ratio(screening.officers.busyOverTime.total(end).mean, screening.officers.onDutyOverTime.total(end).mean));
    queueFigures(screening.stage);
  }
  model.ports.forEach((port, p) => {
    const t = port.stage.total;
    add('returned', port.id, t.returned);
    add('returns_per_day', port.id, t.returned / days);
    add('cap_used', port.id, t.cap > 0 ? t.returned / t.cap : NaN);
    if (hearings) addPortHearingFigures(port.stage, hearings.intakeRefused[p], add);
    queueFigures(port.stage);
  });
  if (hearings) addCourtFigures(hearings, add, queueFigures);
  return metrics;
}

function ratio(a: number, b: number): number {
  return b > 0 ? a / b : NaN;
}
