// The pipeline of bench/pipeline.yaml written anew on simjs@2.0.3, in its event style: timers with
// `done` callbacks, an FCFS Facility per sector's agents, its Mersenne-twister Random. simjs has no
// servers on shifts, so the officers are a FIFO and a count on duty. A benchmark peer, not mppsim.
// `tsx bench/peer-simjs.ts [reps] [seed] [file]` prints each replication's totals as JSON.

import { loadSimjs } from '../src/engine/simjs-adapter.js';
import { PeerLedger, Site, groupSize, runAsCommand, type PeerTotals, type PipelineParams, type SectorParams } from './peer-pipeline.js';

const DAY = 24;

/** The part of simjs we use, typed here (its bundle ships no types). */
interface Request {
  done(callback: () => void): Request;
}
interface Entity {
  setTimer(hours: number): Request;
  useFacility(facility: Facility, hours: number): Request;
}
type Facility = object;
interface Library {
  Sim: new () => { simulate(endTime: number): boolean; time(): number };
  Entity: new (sim: object, name: string) => Entity;
  Facility: (new (name: string, discipline: number, servers: number) => Facility) & { FCFS: number };
  Random: new (seed: number) => { random(): number; exponential(rate: number): number };
}

interface Waiting {
  size: number;
  then: () => void;
}

export function runSimjs(params: PipelineParams, seed: number): PeerTotals {
  const simjs = loadSimjs() as unknown as Library;
  const sim = new simjs.Sim();
  const clock = new simjs.Entity(sim, 'pipeline');
  const rng = new simjs.Random(seed);
  const exp = (mean: number): number => rng.exponential(1 / mean);
  const at = (hours: number, then: () => void): void => void clock.setTimer(hours).done(then);
  const ledger = new PeerLedger();
  const sites = new Map([params.tucson, params.elPaso].map((s) => [s, new Site(s.holdingCapacity)]));
  const site = (sector: SectorParams): Site => sites.get(sector) as Site;
  const agents = new Map([params.tucson, params.elPaso].map((s) => [s, new simjs.Facility('agents', simjs.Facility.FCFS, s.agents)]));
  const { screening } = params;
  const busQueue: Waiting[] = [];
  const portQueue: Waiting[] = [];
  const officerQueue: (() => void)[] = [];
  const port = { open: false, returnedToday: 0 };
  const officers = { onDuty: 0, busy: 0 };

  const startInterviews = (): void => {
    while (officers.busy < officers.onDuty && officerQueue.length > 0) {
      officers.busy++;
      (officerQueue.shift() as () => void)();
    }
  };
  const returnQueued = (): void => {
    while (port.open && portQueue.length > 0 && port.returnedToday + portQueue[0].size <= params.port.dailyCap) {
      const next = portQueue.shift() as Waiting;
      port.returnedToday += next.size;
      next.then();
    }
  };

  const arrive = (sector: SectorParams, size: number): void => {
    const arrivedAt = sim.time();
    ledger.arrivals += size;
    if (site(sector).free < size) return ledger.exit('released', size, arrivedAt, sim.time());
    site(sector).occupied += size;
    clock.useFacility(agents.get(sector) as Facility, exp(sector.processingHoursMean)).done(() => {
      if (rng.random() >= sector.enrolledFraction) {
        site(sector).occupied -= size;
        return ledger.exit('other', size, arrivedAt, sim.time());
      }
      if (sector === params.tucson) busQueue.push({ size, then: () => at(params.bus.travelHours, () => reachElPaso(size, arrivedAt)) });
      else toReturn(size, arrivedAt);
    });
  };
  const reachElPaso = (size: number, arrivedAt: number): void => {
    site(params.elPaso).reserved -= size;
    site(params.elPaso).occupied += size;
    toReturn(size, arrivedAt);
  };
  const leaveElPaso = (kind: 'screenedOut' | 'returned', size: number, arrivedAt: number): void => {
    site(params.elPaso).occupied -= size;
    ledger.exit(kind, size, arrivedAt, sim.time());
  };
  const toPort = (size: number, arrivedAt: number): void => {
    portQueue.push({ size, then: () => leaveElPaso('returned', size, arrivedAt) });
    returnQueued();
  };
  const toReturn = (size: number, arrivedAt: number): void => {
    if (rng.random() >= screening.fearFraction) return toPort(size, arrivedAt);
    officerQueue.push(() =>
      at(exp(screening.interviewHoursMean), () => {
        officers.busy--;
        startInterviews();
        if (rng.random() < screening.positiveRate) leaveElPaso('screenedOut', size, arrivedAt);
        else toPort(size, arrivedAt);
      }),
    );
    startInterviews();
  };

  const board = (): void => {
    let seatsLeft = params.bus.seats;
    while (busQueue.length > 0 && busQueue[0].size <= seatsLeft && busQueue[0].size <= site(params.elPaso).free) {
      const next = busQueue.shift() as Waiting;
      seatsLeft -= next.size;
      site(params.tucson).occupied -= next.size;
      site(params.elPaso).reserved += next.size;
      ledger.boarded += next.size;
      next.then();
    }
  };

  for (let day = 0; day < params.days; day++) {
    // Each day's events are set from its midnight: the day's arrivals (Poisson groups, uniform in the day) and timetable.
    at(day * DAY, () => {
      for (const sector of [params.tucson, params.elPaso]) {
        const groups = poisson(sector.peoplePerDay / params.meanGroupSize, rng.random.bind(rng));
        for (let i = 0; i < groups; i++) {
          const size = groupSize(params, rng.random());
          at(DAY * rng.random(), () => arrive(sector, size));
        }
      }
      port.returnedToday = 0;
      at(params.bus.departureHour, board);
      at(screening.fromHour, () => ((officers.onDuty = screening.officers), startInterviews()));
      at(screening.toHour, () => (officers.onDuty = 0));
      at(params.port.openHour, () => ((port.open = true), returnQueued()));
      at(params.port.closeHour, () => (port.open = false));
    });
  }
  sim.simulate(params.days * DAY - 1e-9);
  const custody = [...sites.values()].reduce((sum, s) => sum + s.occupied + s.reserved, 0);
  return ledger.totals(custody);
}

/** Knuth's count: simjs's Random has no Poisson. */
function poisson(mean: number, u: () => number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = u(); p > limit; p *= u()) k++;
  return k;
}

runAsCommand(import.meta.url, runSimjs);
