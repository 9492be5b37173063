// A port never splits a group, so a daily cap smaller than the largest group that can reach the port
// would hold that group (and everyone behind it) for ever: every positive cap must fit it. A cap of 0
// is a closed day and is allowed.

import type { Scenario } from './schema.js';
import { defaultDestinations } from './timeline.js';

type Problem = (path: string, message: string) => void;

export function checkPortCaps(s: Scenario, problem: Problem, largestGroupFrom: (sectorId: string) => number): void {
  const largestAt = new Map<string, { size: number; from: string }>();
  for (const id of Object.keys(s.sectors)) {
    const size = largestGroupFrom(id);
    if (size === 0) continue;
    for (const port of returnPortsOf(s, id)) {
      if (size > (largestAt.get(port)?.size ?? 0)) largestAt.set(port, { size, from: id });
    }
  }
  for (const [id, largest] of largestAt) {
    const port = s.ports[id];
    const caps: [string, number][] = [[`ports.${id}.dailyCap`, port.dailyCap]];
    (port.capPeriods ?? []).forEach((p, i) => caps.push([`ports.${id}.capPeriods[${i}].dailyCap`, p.dailyCap]));
    (port.periods ?? []).forEach((p, i) => p.dailyCap !== undefined && caps.push([`ports.${id}.periods[${i}].dailyCap`, p.dailyCap]));
    for (const [path, cap] of caps) {
      if (cap > 0 && cap < largest.size) {
        problem(path, `expected 0 (closed) or at least ${largest.size}: groups of ${largest.size} from "${largest.from}" are returned here and a group is never split across days`);
      }
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
