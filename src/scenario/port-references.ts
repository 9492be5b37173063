// A port never splits a group, so a daily cap smaller than the largest group that can reach the port
// would hold that group (and everyone behind it) for ever: every positive cap must fit it, and so
// must a port's hearing intake and a court's seats per trip. A cap of 0 is a closed day and is allowed.
// A group reaches a port by being returned through it, or as a case of a court whose `port` it is
// (it presents there for hearings and is returned there after a reset).

import type { Scenario } from './schema.js';
import { defaultDestinations } from './timeline.js';

type Problem = (path: string, message: string) => void;
type Largest = Map<string, { size: number; from: string }>;

export function checkPortCaps(s: Scenario, problem: Problem, largestGroupFrom: (sectorId: string) => number): void {
  const courts = s.courts ?? {};
  const largestAt: Largest = new Map();
  const largestHeard: Largest = new Map();
  const raise = (map: Largest, key: string, size: number, from: string): void => {
    if (size > (map.get(key)?.size ?? 0)) map.set(key, { size, from });
  };
  for (const id of Object.keys(s.sectors)) {
    const size = largestGroupFrom(id);
    if (size === 0) continue;
    for (const port of returnPortsOf(s, id)) {
      raise(largestAt, port, size, id);
      // The court the case is noticed to: the sector's, else the port's (as the model routes it).
      const court = s.sectors[id].mpp?.court ?? s.ports[port].court;
      if (court === undefined || !Object.hasOwn(courts, court)) continue;
      raise(largestHeard, court, size, id);
      const courtPort = courts[court].port;
      if (courtPort !== undefined && Object.hasOwn(s.ports, courtPort)) raise(largestAt, courtPort, size, id);
    }
  }
  for (const [id, largest] of largestAt) {
    const port = s.ports[id];
    const caps: [string, number][] = [[`ports.${id}.dailyCap`, port.dailyCap]];
    (port.capPeriods ?? []).forEach((p, i) => caps.push([`ports.${id}.capPeriods[${i}].dailyCap`, p.dailyCap]));
    (port.periods ?? []).forEach((p, i) => p.dailyCap !== undefined && caps.push([`ports.${id}.periods[${i}].dailyCap`, p.dailyCap]));
    if (port.hearingIntakePerDay !== undefined) caps.push([`ports.${id}.hearingIntakePerDay`, port.hearingIntakePerDay]);
    for (const [path, cap] of caps) {
      if (cap > 0 && cap < largest.size) {
        problem(path, `expected 0 (closed) or at least ${largest.size}: groups of ${largest.size} from "${largest.from}" reach this port and a group is never split across days`);
      }
    }
  }
  for (const [id, largest] of largestHeard) {
    const seats = courts[id].transport?.seatsPerTrip;
    if (seats !== undefined && seats < largest.size) {
      problem(`courts.${id}.transport.seatsPerTrip`, `expected at least ${largest.size}: groups of ${largest.size} from "${largest.from}" are heard here and a group is never split across trips`);
    }
  }
}

/** The ports an enrollee of this sector can be returned through: locally, at a bus's destination, or any listed destination. */
function returnPortsOf(s: Scenario, sectorId: string): Set<string> {
  const sector = s.sectors[sectorId];
  const ports = new Set<string>();
  const addTarget = (target: string): void => {
    if (Object.hasOwn(s.ports, target)) ports.add(target);
    else if (Object.hasOwn(s.busRoutes, target)) {
      const to = s.busRoutes[target].to;
      const port = Object.hasOwn(s.sectors, to) ? s.sectors[to].port : undefined;
      if (port !== undefined && Object.hasOwn(s.ports, port)) ports.add(port);
    }
  };
  if (!sector.mpp) return ports;
  // The same destinations the model routes by: the constant ones (or mpp.bus, or the port), and every dated set.
  Object.keys(defaultDestinations(sector)).forEach(addTarget);
  for (const p of sector.mpp.periods ?? []) Object.keys(p.destinations ?? {}).forEach(addTarget);
  return ports;
}
