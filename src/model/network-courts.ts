// The hearing half of the flow, for network.ts: the courts, each port's hearing intake and each
// court's transport, and where each hands a group: port (return) -> waiting in Mexico -> call ->
// port intake -> to court -> hearing -> reset: back to the port's line; missed: booked again.

import { sampler } from '../random/index.js';
import type { Scenario } from '../scenario/schema.js';
import type { Leave } from './block.js';
import { Court } from './blocks/court.js';
import { CourtTransport } from './blocks/court-transport.js';
import { HearingIntake } from './blocks/hearing-intake.js';
import type { Holding } from './blocks/holding.js';
import type { Port } from './blocks/port.js';
import type { Service } from './blocks/service.js';
import { caseTiming, type CaseTiming } from './case-timing.js';
import type { ModelContext } from './context.js';
import type { Exits } from './exits.js';
import { STREAMS } from './fates.js';
import { AT_HEARING } from './groups.js';
import { StageObserver } from './stage.js';

export interface Hearings {
  courts: Court[];
  /** Per port, its hearing intake (null: no limit); per court, its transport (null: travel alone). */
  intakes: (HearingIntake | null)[];
  transports: (CourtTransport | null)[];
  timing: CaseTiming;
}

export function buildHearings(ctx: ModelContext, scenario: Scenario, ports: readonly Port[]): Hearings {
  const specs = scenario.courts ?? {};
  const timing = caseTiming();
  const courts = Object.entries(specs).map(([id, spec]) => new Court(ctx, new StageObserver('court', id), spec, timing, spec.screening ? scenario.screenings[spec.screening] : null));
  const intakes = Object.values(scenario.ports).map((spec, p) => (spec.hearingIntakePerDay === undefined ? null : new HearingIntake(ctx, ports[p].stage, spec.hearingIntakePerDay)));
  const transports = Object.entries(specs).map(([id, spec], c) => {
    // With transport the court's travel time is a trip's: drawn once per trip, from the court's own stream.
    return spec.transport ? new CourtTransport(ctx, courts[c].stage, spec.transport, sampler(spec.travelHours, ctx.stream(STREAMS.courtTravel(id)))) : null;
  });
  return { courts, intakes, transports, timing };
}

interface Flow {
  ports: readonly Port[];
  holdings: readonly Holding[];
  screenings: readonly Service[];
  screeningIds: readonly string[];
  exits: Exits;
  leave: Leave;
}

export function wireHearings(ctx: ModelContext, scenario: Scenario, h: Hearings, flow: Flow): void {
  const g = ctx.groups;
  const { courts } = h;
  const { ports, holdings } = flow;
  const specs = scenario.courts ?? {};
  const courtIds = Object.keys(specs);
  const portIds = Object.keys(scenario.ports);
  // The court a group returned through a port is noticed to: its sector's, else the port's; -1: none.
  const sectorCourt = Object.values(scenario.sectors).map((spec) => (spec.mpp?.court ? courtIds.indexOf(spec.mpp.court) : -1));
  const portCourt = portIds.map((id) => (scenario.ports[id].court ? courtIds.indexOf(scenario.ports[id].court as string) : -1));
  const courtPort = courtIds.map((id) => (specs[id].port ? portIds.indexOf(specs[id].port as string) : -1));
  const backToPort = (slot: number): void => ports[g.returnPort[slot]].enqueue(slot);

  // A return to Mexico is an exit, unless a court hears the case: then the group waits in Mexico.
  ports.forEach((port, p) => {
    port.leave = (slot, exit) => {
      const size = g.size[slot];
      const again = g.phase[slot] === AT_HEARING;
      const court = again ? g.court[slot] : sectorCourt[g.origin[slot]] >= 0 ? sectorCourt[g.origin[slot]] : portCourt[p];
      if (court < 0) return flow.leave(slot, exit);
      if (again) {
        port.stage.daily.returned_after_hearing += size;
        courts[court].attending -= size;
      } else {
        holdings[g.site[slot]].vacate(size);
        g.firstReturned[slot] = ctx.calendar.now;
        g.court[slot] = court;
        // From now on the group crosses for hearings, and is returned after them, at the court's port.
        if (courtPort[court] >= 0) g.returnPort[slot] = courtPort[court];
      }
      courts[court].arriveInMexico(slot);
    };
  });
  for (const intake of h.intakes) {
    if (!intake) continue;
    intake.next = (slot) => courts[g.court[slot]].crossedIn(slot);
    intake.refused = (slot) => courts[g.court[slot]].arriveInMexico(slot);
  }
  courts.forEach((court, c) => {
    court.present = (slot) => {
      const intake = h.intakes[g.returnPort[slot]];
      if (intake) intake.present(slot);
      else court.crossedIn(slot);
    };
    court.crossIn = (slot) => void (ports[g.returnPort[slot]].stage.daily.crossings_in += g.size[slot]);
    const transport = h.transports[c];
    if (transport) {
      court.toCourt = (slot) => transport.toCourt(slot);
      court.fromCourt = (slot) => transport.toPort(slot);
      transport.arrivedAtCourt = (slot) => court.arriveAtCourt(slot);
      // Back at the port, or never left it: returned to Mexico through the port's line either way.
      transport.arrivedAtPort = backToPort;
      transport.missed = backToPort;
    } else {
      court.toCourt = (slot) => court.travelToCourt(slot);
      court.fromCourt = (slot) => court.travelBack(slot);
    }
    court.backToPort = backToPort;
    const screeningId = specs[courtIds[c]].screening;
    const screening = screeningId === undefined ? -1 : flow.screeningIds.indexOf(screeningId);
    if (screening >= 0) court.toScreening = (slot) => flow.screenings[screening].accept(slot);
    court.leave = (slot, exit) => flow.exits.record(slot, exit);
  });
}
