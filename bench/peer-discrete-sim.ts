// The pipeline of bench/pipeline.yaml written anew in discrete-sim (SimPy-style processes), as a
// user of that library would: one process per group, Resources for agents and officers, SimEvents
// for the bus and the port. A peer for the benchmark, not part of mppsim; same rules as docs/MODEL.md.
// `tsx bench/peer-discrete-sim.ts [reps] [seed] [file]` prints each replication's totals as JSON.

import { Random, Resource, SimEvent, Simulation, timeout, type ProcessGenerator } from 'discrete-sim';
import { PeerLedger, Site, groupSize, runAsCommand, type PeerTotals, type PipelineParams, type SectorParams } from './peer-pipeline.js';

const DAY = 24;

interface Waiting {
  size: number;
  event: SimEvent;
}

export function runDiscreteSim(params: PipelineParams, seed: number): PeerTotals {
  const sim = new Simulation();
  const rng = new Random(seed);
  const ledger = new PeerLedger();
  const tucson = new Site(params.tucson.holdingCapacity);
  const elPaso = new Site(params.elPaso.holdingCapacity);
  const agents = new Map<SectorParams, Resource>([
    [params.tucson, new Resource(sim, params.tucson.agents, { name: 'tucson agents' })],
    [params.elPaso, new Resource(sim, params.elPaso.agents, { name: 'el-paso agents' })],
  ]);
  // Off duty, an officer is held by a shift-break request that outranks every group (lower = first):
  // one busy at the break finishes the group in hand, and nobody new starts until the shift.
  const officers = new Resource(sim, params.screening.officers, { name: 'officers', queueDiscipline: 'priority' });
  const busQueue: Waiting[] = [];
  const portQueue: Waiting[] = [];
  const port = { open: false, returnedToday: 0 };
  const { screening } = params;

  const returnQueued = (): void => {
    if (!port.open) return;
    // FIFO, never splitting a group: one larger than what is left of today's cap stops the line.
    while (portQueue.length > 0 && port.returnedToday + portQueue[0].size <= params.port.dailyCap) {
      const next = portQueue.shift() as Waiting;
      port.returnedToday += next.size;
      next.event.trigger();
    }
  };

  function* group(sector: SectorParams, site: Site, size: number): ProcessGenerator {
    const arrivedAt = sim.now;
    ledger.arrivals += size;
    if (site.free < size) {
      ledger.exit('released', size, arrivedAt, sim.now);
      return;
    }
    site.occupied += size;
    const desk = agents.get(sector) as Resource;
    yield desk.request();
    yield* timeout(rng.exponential(sector.processingHoursMean));
    desk.release();
    if (rng.uniform(0, 1) >= sector.enrolledFraction) {
      site.occupied -= size;
      ledger.exit('other', size, arrivedAt, sim.now);
      return;
    }
    if (site === tucson) {
      const boarded = new SimEvent(sim);
      busQueue.push({ size, event: boarded });
      yield boarded.wait();
      yield* timeout(params.bus.travelHours);
      elPaso.reserved -= size;
      elPaso.occupied += size;
    }
    if (rng.uniform(0, 1) < screening.fearFraction) {
      yield officers.request(1);
      yield* timeout(rng.exponential(screening.interviewHoursMean));
      officers.release();
      if (rng.uniform(0, 1) < screening.positiveRate) {
        elPaso.occupied -= size;
        ledger.exit('screenedOut', size, arrivedAt, sim.now);
        return;
      }
    }
    const returned = new SimEvent(sim);
    portQueue.push({ size, event: returned });
    returnQueued();
    yield returned.wait();
    elPaso.occupied -= size;
    ledger.exit('returned', size, arrivedAt, sim.now);
  }

  function* arrivals(sector: SectorParams, site: Site): ProcessGenerator {
    for (let day = 0; day < params.days; day++) {
      const groups = rng.poisson(sector.peoplePerDay / params.meanGroupSize);
      for (let i = 0; i < groups; i++) {
        const size = groupSize(params, rng.uniform(0, 1));
        sim.schedule(rng.uniform(0, DAY), () => sim.process(() => group(sector, site, size)));
      }
      yield* timeout(DAY);
    }
  }

  function* bus(): ProcessGenerator {
    yield* timeout(params.bus.departureHour);
    for (let day = 0; day < params.days; day++) {
      // Whole groups in queue order; the first that does not fit the seats (or El Paso) stops boarding.
      let seatsLeft = params.bus.seats;
      while (busQueue.length > 0 && busQueue[0].size <= seatsLeft && busQueue[0].size <= elPaso.free) {
        const next = busQueue.shift() as Waiting;
        seatsLeft -= next.size;
        tucson.occupied -= next.size;
        elPaso.reserved += next.size;
        ledger.boarded += next.size;
        next.event.trigger();
      }
      yield* timeout(DAY);
    }
  }

  function* shiftBreak(until: number): ProcessGenerator {
    yield officers.request(0);
    yield* timeout(Math.max(0, until - sim.now));
    officers.release();
  }

  function* shifts(): ProcessGenerator {
    const breaks = (until: number): void => {
      for (let k = 0; k < screening.officers; k++) sim.process(() => shiftBreak(until));
    };
    breaks(screening.fromHour);
    for (let day = 0; day < params.days; day++) {
      yield* timeout(day * DAY + screening.toHour - sim.now);
      breaks((day + 1) * DAY + screening.fromHour);
    }
  }

  function* portDays(): ProcessGenerator {
    for (let day = 0; day < params.days; day++) {
      port.returnedToday = 0;
      yield* timeout(params.port.openHour);
      port.open = true;
      returnQueued();
      yield* timeout(params.port.closeHour - params.port.openHour);
      port.open = false;
      yield* timeout(DAY - params.port.closeHour);
    }
  }

  sim.process(() => arrivals(params.tucson, tucson));
  sim.process(() => arrivals(params.elPaso, elPaso));
  sim.process(bus);
  sim.process(shifts);
  sim.process(portDays);
  // run(until) also delivers events due exactly at `until`; the horizon excludes its own instant.
  sim.run(params.days * DAY - 1e-9);
  return ledger.totals(tucson.occupied + tucson.reserved + elPaso.occupied + elPaso.reserved);
}

runAsCommand(import.meta.url, runDiscreteSim);
