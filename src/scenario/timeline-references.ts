// Reference checks of the policy timeline: dated periods in order, destinations that exist and
// reach a port, shares that sum to 1, and dated seats that still fit the largest group.

import type { Scenario } from './schema.js';

type Problem = (path: string, message: string) => void;
type CheckPeriods = (periods: readonly { from: string; to: string }[] | undefined, at: string) => void;

/** Shares may be written rounded (thirds as 0.333), but a typo such as 0.7516 for 0.6516 is refused. */
export const SHARE_SUM_TOLERANCE = 0.001;

export function checkTimeline(s: Scenario, problem: Problem, checkPeriods: CheckPeriods, largestGroupFrom: (sectorId: string) => number): void {
  for (const [id, sector] of Object.entries(s.sectors)) {
    const at = `sectors.${id}`;
    checkPeriods(sector.periods, `${at}.periods`);
    checkPeriods(sector.processing?.periods, `${at}.processing.periods`);
    for (const [month, mix] of Object.entries(sector.arrivals?.monthlyMix ?? {})) checkCategories(s, mix, `${at}.arrivals.monthlyMix.${month}`, problem);
    (sector.arrivals?.periods ?? []).forEach((p, i) => p.mix && checkCategories(s, p.mix, `${at}.arrivals.periods[${i}].mix`, problem));
    const mpp = sector.mpp;
    if (!mpp) continue;
    if (mpp.destinations && mpp.bus) problem(`${at}.mpp.bus`, 'give either mpp.bus or mpp.destinations, not both (a bus is one destination: {"<route-id>": 1})');
    if (mpp.destinations) checkDestinations(s, id, mpp.destinations, `${at}.mpp.destinations`, problem);
    (mpp.periods ?? []).forEach((p, i) => p.destinations && checkDestinations(s, id, p.destinations, `${at}.mpp.periods[${i}].destinations`, problem));
  }
  for (const [id, route] of Object.entries(s.busRoutes)) {
    const at = `busRoutes.${id}`;
    checkPeriods(route.periods, `${at}.periods`);
    const largest = Object.hasOwn(s.sectors, route.from) ? largestGroupFrom(route.from) : 0;
    (route.periods ?? []).forEach((p, i) => {
      if (p.seatsPerBus !== undefined && p.seatsPerBus > 0 && largest > p.seatsPerBus) {
        problem(`${at}.periods[${i}].seatsPerBus`, `expected at least ${largest} seats: groups of ${largest} arrive at "${route.from}" and a group is never split across buses`);
      }
      if (p.fleetBuses !== undefined && !route.fleet) problem(`${at}.periods[${i}].fleetBuses`, 'sets a fleet size, but the route has no fleet; expected busRoutes.' + id + '.fleet');
    });
  }
  for (const [id, screening] of Object.entries(s.screenings)) checkPeriods(screening.periods, `screenings.${id}.periods`);
  for (const [id, port] of Object.entries(s.ports)) checkPeriods(port.periods, `ports.${id}.periods`);
}

function checkCategories(s: Scenario, mix: Readonly<Record<string, number>>, at: string, problem: Problem): void {
  for (const category of Object.keys(mix)) {
    if (!Object.hasOwn(s.categories, category)) problem(`${at}.${category}`, `unknown category "${category}"; expected one of: ${Object.keys(s.categories).join(', ')}`);
  }
}

function checkDestinations(s: Scenario, sectorId: string, shares: Readonly<Record<string, number>>, at: string, problem: Problem): void {
  const total = Object.values(shares).reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) > SHARE_SUM_TOLERANCE) problem(at, `expected shares that sum to 1, got ${+total.toFixed(6)}`);
  for (const target of Object.keys(shares)) {
    const path = `${at}.${target}`;
    if (Object.hasOwn(s.ports, target)) continue;
    if (!Object.hasOwn(s.busRoutes, target)) {
      const choices = [...Object.keys(s.ports), ...Object.keys(s.busRoutes).filter((r) => s.busRoutes[r].from === sectorId)];
      problem(path, `unknown destination "${target}"; expected a port or a bus route leaving "${sectorId}": ${choices.join(', ') || '(none defined)'}`);
      continue;
    }
    const route = s.busRoutes[target];
    if (route.from !== sectorId) problem(path, `bus route "${target}" leaves from "${route.from}", expected one leaving from "${sectorId}"`);
  }
}
