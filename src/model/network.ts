// The flow, and the only file that knows it: which blocks a scenario makes, and where each hands a
// group next. Arrivals -> holding -> processing -> (enrolled: bus -> destination) -> screening if
// fear -> port; the exits are released (holding full), other (not enrolled), screened out, returned.
// The hearing half (courts, a port's hearing intake, a court's transport) is wired by network-courts.ts.

import type { Scenario } from '../scenario/schema.js';
import { agentsOn, officersOn } from '../scenario/timeline.js';
import type { Block, DayOpener, Leave } from './block.js';
import { Arrivals } from './blocks/arrivals.js';
import { BusRoute } from './blocks/bus-route.js';
import type { Court } from './blocks/court.js';
import type { CourtTransport } from './blocks/court-transport.js';
import type { HearingIntake } from './blocks/hearing-intake.js';
import { Holding } from './blocks/holding.js';
import { Port } from './blocks/port.js';
import { PROCESSING, SCREENING, Service } from './blocks/service.js';
import type { CaseTiming } from './case-timing.js';
import type { ModelContext } from './context.js';
import type { DayPlan, StageRow } from './day-clock.js';
import { Exits } from './exits.js';
import { GroupFates } from './fates.js';
import { AT_HEARING, ENROLLED, FEAR, POSITIVE } from './groups.js';
import type { Destination } from './routing.js';
import type { PersonSink } from './results.js';
import { buildHearings, wireHearings } from './network-courts.js';
import { StageObserver } from './stage.js';

export interface Network extends DayPlan {
  sectorIds: string[];
  holdings: Holding[];
  processing: Service[];
  arrivals: (Arrivals | null)[];
  routes: BusRoute[];
  screenings: Service[];
  ports: Port[];
  courts: Court[];
  /** Per port its hearing intake, per court its transport (null where the scenario sets none). */
  intakes: (HearingIntake | null)[];
  transports: (CourtTransport | null)[];
  timing: CaseTiming;
  fates: GroupFates;
  exits: Exits;
}

export function buildNetwork(ctx: ModelContext, scenario: Scenario, onPerson?: PersonSink): Network {
  const g = ctx.groups;
  const sectorIds = Object.keys(scenario.sectors);
  const routeIds = Object.keys(scenario.busRoutes);
  const screeningIds = Object.keys(scenario.screenings);
  const portIds = Object.keys(scenario.ports);
  const sectorSpecs = Object.values(scenario.sectors);

  const sectorStages = sectorIds.map((id) => new StageObserver('sector', id));
  const holdings = sectorSpecs.map((spec, i) => new Holding(ctx, sectorIds[i], i, spec.holdingCapacity, sectorStages[i], spec.periods ? spec : null));
  const processing = sectorSpecs.map((spec, i) => {
    const p = spec.processing;
    return new Service(ctx, sectorStages[i], PROCESSING, p?.agents ?? null, p?.periods ? (date) => agentsOn(p, date) : null);
  });
  const routes = routeIds.map((id) => {
    const spec = scenario.busRoutes[id];
    return new BusRoute(ctx, new StageObserver('bus-route', id), spec, holdings[sectorIds.indexOf(spec.from)], holdings[sectorIds.indexOf(spec.to)]);
  });
  const screenings = screeningIds.map((id) => {
    const spec = scenario.screenings[id];
    return new Service(ctx, new StageObserver('screening', id), SCREENING, spec.officers, spec.periods ? (date) => officersOn(spec, date) : null);
  });
  const ports = portIds.map((id) => new Port(ctx, new StageObserver('port', id), scenario.ports[id]));
  const hearings = buildHearings(ctx, scenario, ports);
  const { courts, timing } = hearings;

  const portOf = sectorSpecs.map((spec) => (spec.port ? portIds.indexOf(spec.port) : -1));
  const screeningOf = sectorSpecs.map((spec) => (spec.screening ? screeningIds.indexOf(spec.screening) : -1));
  // An enrollee is screened where they wait for their hearing: at the bus destination, or here.
  const resolve = (origin: number) => (target: string): Destination => {
    const route = routeIds.indexOf(target);
    if (route < 0) return { route: -1, port: portIds.indexOf(target), screening: screeningOf[origin] };
    const to = routes[route].destination.index;
    return { route, port: portOf[to], screening: screeningOf[to] };
  };
  const nowhere = (origin: number): Destination => ({ route: -1, port: -1, screening: screeningOf[origin] });

  const fates = new GroupFates(ctx, scenario, resolve, nowhere);
  const arrivals = sectorSpecs.map((spec, i) => (spec.arrivals ? new Arrivals(ctx, fates, i, sectorStages[i], spec.arrivals) : null));
  const exits = new Exits(ctx, sectorIds, fates.categories.map((c) => c.id), onPerson);

  const leave: Leave = (slot, exit) => {
    // Crossed back for a hearing (a fear interview found positive): in custody at no site.
    if (g.phase[slot] === AT_HEARING) courts[g.court[slot]].attending -= g.size[slot];
    else if (exit !== 'released') holdings[g.site[slot]].vacate(g.size[slot]);
    exits.record(slot, exit);
  };
  const toPort = (slot: number): void => ports[g.returnPort[slot]].enqueue(slot);
  const toReturn = (slot: number): void => {
    const screening = screeningOf[g.site[slot]];
    if (screening >= 0 && g.fate[slot] & FEAR) screenings[screening].accept(slot);
    else toPort(slot);
  };

  // Enrolled groups go to their bus, or straight to be returned (screened first if they fear return).
  const toDestination = (slot: number): void => {
    if (g.route[slot] >= 0) routes[g.route[slot]].enqueue(slot);
    else toReturn(slot);
  };

  sectorIds.forEach((_, i) => {
    const stage = sectorStages[i];
    const arrival = arrivals[i];
    if (arrival) {
      arrival.next = (slot) => {
        exits.arrive(slot);
        holdings[i].admit(slot);
      };
    }
    holdings[i].next = (slot) => processing[i].accept(slot);
    holdings[i].leave = leave;
    processing[i].next = (slot) => {
      const size = g.size[slot];
      if (!(g.fate[slot] & ENROLLED)) {
        stage.daily.other += size;
        leave(slot, 'other');
      } else {
        stage.daily.enrolled += size;
        toDestination(slot);
      }
    };
  });
  for (const route of routes) {
    route.next = toReturn;
    route.reroute = (slot) => {
      fates.reroute(slot);
      toDestination(slot);
    };
  }
  for (const screening of screenings) {
    screening.next = (slot) => {
      if (g.fate[slot] & POSITIVE) {
        screening.stage.daily.screened_out += g.size[slot];
        leave(slot, 'screened_out');
      } else {
        toPort(slot);
      }
    };
  }
  wireHearings(ctx, scenario, hearings, { ports, holdings, screenings, screeningIds, exits, leave });

  // The order of openDay is the order of schedule calls at equal times: never reorder it.
  const opening: DayOpener[] = [fates];
  sectorIds.forEach((_, i) => {
    opening.push(holdings[i], processing[i]);
    const arrival = arrivals[i];
    if (arrival) opening.push(arrival);
  });
  // Intakes and transports open last, so a scenario without them schedules everything as before.
  const { intakes, transports } = hearings;
  // A court's postponements open just before it (they schedule nothing): an announcement closes its docket that day.
  const postponements = courts.map((c) => c.postponements);
  opening.push(...screenings, ...routes, ...ports, ...courts.flatMap((c, i) => [...present([postponements[i]]), c]), ...present(intakes), ...present(transports));
  // A port's intake writes into the port's row, a court's transport and postponements into the court's.
  const rows: StageRow[] = [
    ...sectorIds.map((_, i) => ({ stage: sectorStages[i], blocks: [holdings[i], processing[i]] })),
    ...[...routes, ...screenings].map((block: Block) => ({ stage: block.stage, blocks: [block] })),
    ...ports.map((port, p) => ({ stage: port.stage, blocks: [port, ...present([intakes[p]])] })),
    ...courts.map((court, c) => ({ stage: court.stage, blocks: [court, ...present([transports[c], postponements[c]])] })),
  ];
  const blocks: Block[] = [...holdings, ...processing, ...screenings];
  const { days, warmupDays } = scenario;
  return { days, warmupDays, opening, rows, blocks, windowStart: exits, sectorIds, holdings, processing, arrivals, routes, screenings, ports, courts, intakes, transports, timing, fates, exits };
}

function present<T>(blocks: readonly (T | null)[]): T[] {
  return blocks.filter((b): b is T => b !== null);
}
