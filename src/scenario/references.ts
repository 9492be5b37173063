// Checks what a schema cannot: ids that refer to other ids, sizes that must fit together,
// arrival rates that must cover the horizon, and citations that must name known facts and fields.

import type { InputProblem } from './errors.js';
import { dateOfDay, monthOfDay } from './calendar-dates.js';
import { peoplePerDayOn } from './dated.js';
import { checkCourts } from './court-references.js';
import { knownId } from './known-id.js';
import { checkPortCaps } from './port-references.js';
import { checkTimeline } from './timeline-references.js';
import type { Fact, GroupSize, Scenario } from './schema.js';

/** Names that appear in `scope` columns beside ids, so no id may take them. */
export const RESERVED_SCOPES = ['total', 'returned', 'released', 'screened-out', 'screened_out', 'other', 'in-custody'];

export function maxGroupSize(size: GroupSize): number {
  return typeof size === 'number' ? size : Math.max(...size.values.filter((_, i) => size.weights[i] > 0));
}

export function checkReferences(s: Scenario, knownFacts: ReadonlyMap<string, Fact>, document: unknown): InputProblem[] {
  const problems: InputProblem[] = [];
  const problem = (path: string, message: string): void => void problems.push({ path, message });
  const known = (kind: string, ids: Record<string, unknown>, ref: string, path: string): boolean => knownId(kind, ids, ref, path, problem);

  const owners = new Map<string, string>();
  for (const [kind, table] of [
    ['sectors', s.sectors],
    ['busRoutes', s.busRoutes],
    ['screenings', s.screenings],
    ['ports', s.ports],
    ['courts', s.courts ?? {}],
  ] as const) {
    for (const id of Object.keys(table)) {
      if (RESERVED_SCOPES.includes(id)) problem(`${kind}.${id}`, `"${id}" is reserved for summary scopes; choose another id`);
      const owner = owners.get(id);
      if (owner) problem(`${kind}.${id}`, `id "${id}" is already used in ${owner}; ids must be unique across sectors, bus routes, screenings, ports and courts`);
      else owners.set(id, kind);
    }
  }
  if (Object.keys(s.sectors).length === 0) problem('sectors', 'expected at least one sector');
  // Waits are scoped "<exit>/<sector>" and "<exit>/<category>", so the two must not share an id.
  for (const id of Object.keys(s.categories)) {
    if (Object.hasOwn(s.sectors, id)) problem(`categories.${id}`, `id "${id}" is also a sector's; a category needs an id of its own`);
  }

  for (const [id, sector] of Object.entries(s.sectors)) {
    const at = `sectors.${id}`;
    if (sector.port) known('port', s.ports, sector.port, `${at}.port`);
    if (sector.screening) known('screening', s.screenings, sector.screening, `${at}.screening`);
    const arrivals = sector.arrivals;
    if (arrivals) {
      for (const cat of Object.keys(arrivals.mix)) known('category', s.categories, cat, `${at}.arrivals.mix.${cat}`);
      if (arrivals.surge) known('category', s.categories, arrivals.surge.category, `${at}.arrivals.surge.category`);
      checkCoverage(s, id, problem);
    }
    for (const [i, cat] of (sector.mpp?.categories ?? []).entries()) {
      if (known('category', s.categories, cat, `${at}.mpp.categories[${i}]`) && !s.categories[cat].mppEligible) {
        problem(`${at}.mpp.categories[${i}]`, `category "${cat}" is not mppEligible, so it cannot be enrolled`);
      }
    }
    checkPeriods(sector.mpp?.periods, `${at}.mpp.periods`, problem);
    if (sector.mpp && !sector.mpp.destinations && enrollsAnyone(sector.mpp)) {
      if (sector.mpp.bus) {
        if (known('bus route', s.busRoutes, sector.mpp.bus, `${at}.mpp.bus`) && s.busRoutes[sector.mpp.bus].from !== id) {
          problem(`${at}.mpp.bus`, `bus route "${sector.mpp.bus}" leaves from "${s.busRoutes[sector.mpp.bus].from}", expected one leaving from "${id}"`);
        }
      } else if (!sector.port) {
        problem(`${at}.port`, 'missing: enrollees here return locally (no mpp.bus), so expected a port id');
      }
    }
  }

  for (const [id, route] of Object.entries(s.busRoutes)) {
    const at = `busRoutes.${id}`;
    const fromOk = known('sector', s.sectors, route.from, `${at}.from`);
    if (known('sector', s.sectors, route.to, `${at}.to`) && !s.sectors[route.to].port) {
      problem(`${at}.to`, `destination "${route.to}" has no port, so people bused there could never be returned; expected sectors.${route.to}.port`);
    }
    if (fromOk && route.seatsPerBus > 0) {
      const largest = largestGroupFrom(s, route.from);
      if (largest > route.seatsPerBus) {
        problem(`${at}.seatsPerBus`, `expected at least ${largest} seats: groups of ${largest} arrive at "${route.from}" and a group is never split across buses`);
      }
    }
  }

  for (const [id, sector] of Object.entries(s.sectors)) {
    if (sector.arrivals && !sector.processing) continue;
    if (!sector.arrivals && sector.processing) problem(`sectors.${id}.processing`, 'processing is given but the sector has no arrivals');
  }

  for (const [id, port] of Object.entries(s.ports)) checkPeriods(port.capPeriods, `ports.${id}.capPeriods`, problem);

  checkTimeline(s, problem, (periods, at) => checkPeriods(periods, at, problem), (route) => largestGroupFrom(s, route));
  checkPortCaps(s, problem, (sector) => largestGroupFrom(s, sector));
  checkCourts(s, problem);
  checkCitations(s, knownFacts, document, problem);
  return problems;
}

function enrollsAnyone(mpp: NonNullable<Scenario['sectors'][string]['mpp']>): boolean {
  return mpp.enrolledFraction > 0 || (mpp.periods ?? []).some((p) => (p.enrolledFraction ?? 0) > 0) || Object.values(mpp.monthly ?? {}).some((f) => f > 0);
}

function largestGroupFrom(s: Scenario, sectorId: string): number {
  const arrivals = s.sectors[sectorId].arrivals;
  if (!arrivals) return 0;
  const cats = Object.entries(arrivals.mix).filter(([, share]) => share > 0).map(([c]) => c);
  if (arrivals.surge) cats.push(arrivals.surge.category);
  const enrolled = s.sectors[sectorId].mpp?.categories;
  const boards = (c: string): boolean => Object.hasOwn(s.categories, c) && s.categories[c].mppEligible && (!enrolled || enrolled.includes(c));
  return Math.max(0, ...cats.filter(boards).map((c) => maxGroupSize(s.categories[c].groupSize)));
}

function checkCoverage(s: Scenario, sectorId: string, problem: (path: string, message: string) => void): void {
  const arrivals = s.sectors[sectorId].arrivals!;
  const at = `sectors.${sectorId}.arrivals`;
  checkPeriods(arrivals.periods, `${at}.periods`, problem);
  for (let day = 0; day < s.days; day++) {
    const date = dateOfDay(s.start, day);
    if (peoplePerDayOn(arrivals, date) !== undefined) continue;
    problem(at, `no arrival rate for ${date} (day ${day}): expected monthly["${monthOfDay(s.start, day)}"], a period covering it, or peoplePerDay`);
    return;
  }
}

function checkPeriods(periods: readonly { from: string; to: string }[] | undefined, at: string, problem: (path: string, message: string) => void): void {
  (periods ?? []).forEach((p, i) => {
    if (p.from > p.to) problem(`${at}[${i}]`, `expected from <= to, got ${p.from} > ${p.to}`);
  });
}

function checkCitations(
  s: Scenario,
  knownFacts: ReadonlyMap<string, Fact>,
  document: unknown,
  problem: (path: string, message: string) => void,
): void {
  const facts = new Map(knownFacts);
  for (const f of s.facts) facts.set(f.id, f);
  // The document's own keys: the schema drops a "__proto__" key rather than refuse it.
  const written = (document as { citations?: unknown }).citations;
  const paths = written !== null && typeof written === 'object' ? Object.keys(written) : Object.keys(s.citations);
  for (const path of paths) {
    if (!pathExists(document, path)) problem(`citations.${path}`, `cites a field that is not in the scenario: "${path}"`);
    if (!Object.hasOwn(s.citations, path)) continue;
    const citation = s.citations[path];
    const ids = 'facts' in citation ? citation.facts : 'fact' in citation ? [citation.fact] : [];
    for (const factId of ids) {
      if (!facts.has(factId)) problem(`citations.${path}`, `unknown fact "${factId}"; expected an id from seeds/facts.yaml or the scenario's facts`);
    }
  }
}

/** Whether a dotted path names a field of the document; keys may themselves contain dashes but not dots. */
export function pathExists(document: unknown, path: string): boolean {
  let node: unknown = document;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}
