// How the comparisons read a scenario and a run: facts as numbers, a sector's MPP start and family
// share by month, and people counted per day. Shared by every scenario's comparisons.

import { dateOfDay, daysInMonth, type Fact, type Scenario } from '../scenario/index.js';
import { mixOn } from '../scenario/dated.js';
import { enrolledFractionOn } from '../scenario/timeline.js';
import type { Comparison } from './comparison-types.js';
import { dailySum, daysCovered, type Observation } from './observe.js';

export function factNumber(facts: ReadonlyMap<string, Fact>, id: string): number {
  const fact = facts.get(id);
  if (!fact) throw new Error(`fact ${id} is not in seeds/facts.yaml`);
  if (typeof fact.value !== 'number') throw new Error(`fact ${id} is not a number (${String(fact.value)})`);
  return fact.value;
}

export const lastDay = (month: string): string => `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
export const percent = (share: number): string => `${Math.round(100 * share)}%`;

/** A sector's family-unit share of arrivals in a month (its monthlyMix, or the one mix). */
export function familyShare(scenario: Scenario, sector: string, month: string): number {
  const arrivals = requireSector(scenario, sector).arrivals;
  const mix = arrivals ? mixOn(arrivals, `${month}-01`) : {};
  const total = Object.values(mix).reduce((a, b) => a + b, 0);
  return (mix['family-unit'] ?? 0) / total;
}

export function requireSector(scenario: Scenario, id: string): Scenario['sectors'][string] {
  const sector = scenario.sectors[id];
  if (!sector) throw new Error(`scenario ${scenario.name} has no sector "${id}", which the comparisons read`);
  return sector;
}

export function requireStage(scenario: Scenario, id: string): void {
  if (!(id in scenario.sectors || id in scenario.busRoutes || id in scenario.screenings || id in scenario.ports)) {
    throw new Error(`scenario ${scenario.name} has no stage "${id}", which the comparisons read`);
  }
}

/** The first day a sector enrolls anyone (its MPP start), read through the scenario's dated values. */
export function mppStart(scenario: Scenario, sector: string): string {
  const mpp = requireSector(scenario, sector).mpp;
  for (let day = 0; mpp && day < scenario.days; day++) {
    const date = dateOfDay(scenario.start, day);
    if (enrolledFractionOn(mpp, date) > 0) return date;
  }
  throw new Error(`scenario ${scenario.name}: sector "${sector}" enrolls nobody, and its MPP start dates the comparisons`);
}

export function lastDate(scenario: Scenario): string {
  const end = new Date(Date.parse(`${scenario.start}T00:00:00Z`) + (scenario.days - 1) * 86_400_000);
  return end.toISOString().slice(0, 10);
}

/** People of a category arriving in a sector in a month, from the per-person records. */
export function arrivalsOf(o: Observation, sector: string, category: string, month: string): number {
  return o.arrivals.get(`${sector}|${category}|${month}`) ?? 0;
}

export const perDay = (total: number, days: number): number => (days > 0 ? total / days : NaN);

/** The Tucson-El Paso bus's departures and people boarded per day from `from` to `end`; why the second may differ. */
export function tucsonBusRows(from: string, end: string, boardedWhy: string): Comparison[] {
  const perDayOf = (figure: 'departures' | 'boarded') => (o: Observation) => perDay(dailySum(o, 'tucson-el-paso', figure, from, end), daysCovered(o, from, end));
  return [
    {
      figure: `Tucson-El Paso bus departures per day, ${from} to ${end}`,
      facts: ['tucson-el-paso-busloads-per-day'],
      simulated: perDayOf('departures'),
      decimals: 2,
      why: () => 'A bus leaves whenever anyone waits at its departure time, and the scenario has one bus a day.',
    },
    {
      figure: `People bused from Tucson to El Paso per day, ${from} to ${end}`,
      facts: ['tucson-el-paso-busloads-per-day', 'bus-people-per-bus'],
      reported: (f) => factNumber(f, 'tucson-el-paso-busloads-per-day') * factNumber(f, 'bus-people-per-bus'),
      simulated: perDayOf('boarded'),
      decimals: 1,
      why: () => boardedWhy,
    },
  ];
}

/** A fact reported as a range, "200-250", as its two ends. */
export function factRange(facts: ReadonlyMap<string, Fact>, id: string): readonly [number, number] {
  const value = facts.get(id)?.value;
  const match = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(String(value));
  if (!match) throw new Error(`fact ${id} is not a range "low-high" (${String(value)})`);
  return [Number(match[1]), Number(match[2])];
}

/** One named share of a fact listing several, "in absentia 0.666; relief 0.015": the share named `name`. */
export function factShare(facts: ReadonlyMap<string, Fact>, id: string, name: string): number {
  const value = String(facts.get(id)?.value);
  const part = value.split(';').map((p) => p.trim()).find((p) => p.startsWith(`${name} `));
  const share = part ? Number(part.slice(name.length + 1)) : NaN;
  if (!Number.isFinite(share)) throw new Error(`fact ${id} has no share "${name}" (${value})`);
  return share;
}

/** A whole-run metric of one replication (NaN when the run does not report it). */
export function metricOf(o: Observation, metric: string, scope: string): number {
  return o.metrics.find((m) => m.metric === metric && m.scope === scope)?.value ?? NaN;
}

export function requireCourt(scenario: Scenario, id: string): void {
  if (!scenario.courts?.[id]) throw new Error(`scenario ${scenario.name} has no court "${id}", which the comparisons read`);
}
