// The policy timeline's one rule (src/scenario/dated.ts) and each entity's dated values on a date.

import { describe, expect, it } from 'vitest';
import { valueOn } from '../../src/scenario/dated.js';
import { destinationsOn, enrolledFractionOn, portOn, routeOn, timelineChanges } from '../../src/scenario/timeline.js';
import { loadScenario, ScenarioError } from '../../src/scenario/index.js';
import { scenario } from '../support/scenarios.js';

const twoPorts = {
  sectors: {
    west: {
      holdingCapacity: 100,
      arrivals: { peoplePerDay: 10, mix: { single: 1 } },
      mpp: {
        enrolledFraction: 0.2,
        monthly: { '2019-11': 0.4 },
        periods: [
          { from: '2019-11-05', to: '2019-11-06', enrolledFraction: 0.9 },
          { from: '2019-11-06', to: '2019-11-08', destinations: { 'port-b': 1 } },
        ],
        destinations: { 'port-a': 0.3, 'port-b': 0.7 },
      },
    },
  },
  ports: {
    'port-a': { dailyCap: 10, capPeriods: [{ from: '2019-11-03', to: '2019-11-04', dailyCap: 5 }], periods: [{ from: '2019-11-04', to: '2019-11-04', dailyCap: 7 }] },
    'port-b': { dailyCap: 10, active: false, periods: [{ from: '2019-11-06', to: '2019-11-30', active: true }] },
  },
};

describe('the one rule for dated values', () => {
  const periods = [
    { from: '2019-11-01', to: '2019-11-10', a: 1 },
    { from: '2019-11-05', to: '2019-11-20', a: 2, b: 5 },
  ];
  it('the first listed period covering the date that sets the field wins, else the month, else the constant', () => {
    expect(valueOn('2019-11-07', 0, periods, 'a')).toBe(1);
    expect(valueOn('2019-11-07', 0, periods, 'b')).toBe(5);
    expect(valueOn('2019-11-15', 0, periods, 'a')).toBe(2);
    expect(valueOn('2019-11-21', 0, periods, 'a', { '2019-11': 9 })).toBe(9);
    expect(valueOn('2019-12-01', 0, periods, 'a', { '2019-11': 9 })).toBe(0);
  });
  it('reads months as own keys only', () => {
    expect(valueOn('2019-11-21', 3, periods, 'a', JSON.parse('{"__proto__": 9}'))).toBe(3);
  });
});

describe('entities on a date', () => {
  const s = scenario(twoPorts);
  const west = s.sectors.west;
  it('enrolled fraction: period, else month, else constant', () => {
    expect(enrolledFractionOn(west.mpp!, '2019-11-05')).toBe(0.9);
    expect(enrolledFractionOn(west.mpp!, '2019-11-07')).toBe(0.4);
    expect(enrolledFractionOn(west.mpp!, '2019-12-01')).toBe(0.2);
  });
  it('destinations switch by date', () => {
    expect(destinationsOn(west, '2019-11-05')).toEqual({ 'port-a': 0.3, 'port-b': 0.7 });
    expect(destinationsOn(west, '2019-11-07')).toEqual({ 'port-b': 1 });
  });
  it("a port's cap: periods, then capPeriods, then the constant; nothing while inactive or closed", () => {
    const a = s.ports['port-a'];
    expect(portOn(a, '2019-11-03', 'sunday').dailyCap).toBe(5);
    expect(portOn(a, '2019-11-04', 'monday').dailyCap).toBe(7);
    expect(portOn(a, '2019-11-05', 'tuesday').dailyCap).toBe(10);
    expect(portOn(s.ports['port-b'], '2019-11-05', 'tuesday').dailyCap).toBe(0);
    expect(portOn(s.ports['port-b'], '2019-11-06', 'wednesday').dailyCap).toBe(10);
  });
  it('lists every change inside the horizon, in date order', () => {
    expect(timelineChanges(s).map((c) => `${c.date} ${c.path}: ${c.change}`)).toEqual([
      '2019-11-03 ports.port-a.capPeriods: dailyCap 5',
      '2019-11-04 ports.port-a: dailyCap 7',
      '2019-11-05 sectors.west.mpp: enrolledFraction 0.9',
      '2019-11-05 ports.port-a: period from 2019-11-04 ends (dailyCap 7)',
      '2019-11-05 ports.port-a.capPeriods: period from 2019-11-03 ends (dailyCap 5)',
      '2019-11-06 sectors.west.mpp: destinations port-b 1',
      '2019-11-06 ports.port-b: active true',
      '2019-11-07 sectors.west.mpp: period from 2019-11-05 ends (enrolledFraction 0.9)',
      '2019-11-09 sectors.west.mpp: period from 2019-11-06 ends (destinations port-b 1)',
    ]);
  });
});

describe('bus routes on a date', () => {
  const s = scenario({
    sectors: {
      a: { holdingCapacity: 100, arrivals: { peoplePerDay: 10, mix: { single: 1 } }, mpp: { enrolledFraction: 1, bus: 'a-b' } },
      b: { holdingCapacity: 100, port: 'p' },
    },
    busRoutes: {
      'a-b': {
        from: 'a', to: 'b', departures: ['07:00'], busesPerDeparture: 1, seatsPerBus: 50, travelHours: { dist: 'deterministic', value: 5 },
        active: false,
        periods: [{ from: '2019-11-03', to: '2019-11-08', active: true }, { from: '2019-11-05', to: '2019-11-30', busesPerDeparture: 2, departures: ['06:00', '18:00'] }],
      },
    },
    ports: { p: { dailyCap: 100 } },
  });
  it('runs only inside its active period, with the dated buses and departures', () => {
    expect(routeOn(s.busRoutes['a-b'], '2019-11-02')).toMatchObject({ active: false, busesPerDeparture: 1 });
    expect(routeOn(s.busRoutes['a-b'], '2019-11-04')).toMatchObject({ active: true, busesPerDeparture: 1, departures: ['07:00'] });
    expect(routeOn(s.busRoutes['a-b'], '2019-11-05')).toMatchObject({ active: true, busesPerDeparture: 2, departures: ['06:00', '18:00'] });
    expect(routeOn(s.busRoutes['a-b'], '2019-11-09')).toMatchObject({ active: false, busesPerDeparture: 2 });
  });
});

describe('validation of the timeline', () => {
  const problems = (doc: Parameters<typeof scenario>[0]): string[] => {
    try {
      scenario(doc);
      return [];
    } catch (e) {
      return (e as ScenarioError).problems.map((p) => `${p.path}: ${p.message}`);
    }
  };
  it('refuses shares that do not sum to 1, naming the sum', () => {
    const doc = structuredClone(twoPorts);
    doc.sectors.west.mpp.destinations = { 'port-a': 0.3, 'port-b': 0.8 };
    expect(problems(doc)).toEqual(['sectors.west.mpp.destinations: expected shares that sum to 1, got 1.1']);
  });
  it('refuses an unknown destination, listing the valid ones', () => {
    const doc = structuredClone(twoPorts);
    (doc.sectors.west.mpp.periods[1] as { destinations: Record<string, number> }).destinations = { 'port-c': 1 };
    expect(problems(doc)).toEqual(['sectors.west.mpp.periods[1].destinations.port-c: unknown destination "port-c"; expected a port or a bus route leaving "west": port-a, port-b']);
  });
  it('refuses a period that sets nothing', () => {
    const doc = structuredClone(twoPorts) as typeof twoPorts & { sectors: { west: { periods?: unknown[] } } };
    doc.sectors.west.periods = [{ from: '2019-11-01', to: '2019-11-02' }];
    expect(problems(doc as never)).toEqual(['sectors.west.periods[0]: expected a period to set at least one of: holdingCapacity']);
  });
  it('refuses a period whose dates are reversed', () => {
    const doc = structuredClone(twoPorts) as typeof twoPorts & { sectors: { west: { periods?: unknown[] } } };
    doc.sectors.west.periods = [{ from: '2019-11-03', to: '2019-11-01', holdingCapacity: 5 }];
    expect(problems(doc as never)).toEqual(['sectors.west.periods[0]: expected from <= to, got 2019-11-03 > 2019-11-01']);
  });
});

describe("a court's dated docket and postponements on the timeline", () => {
  it('lists the El Paso postponement on the day it is announced, beside the other changes', () => {
    const changes = timelineChanges(loadScenario('scenarios/hearings-el-paso.yaml')).filter((c) => c.path.startsWith('courts.'));
    expect(changes.map((c) => `${c.date} ${c.path}: ${c.change}`)).toEqual(['2020-03-23 courts.el-paso-court.postponements: hearings 2020-03-23 to 2020-04-22 postponed']);
  });
  it("a court's slots a day change on the dates its periods give", () => {
    const s = loadScenario('scenarios/calibration-2019.yaml');
    const court = Object.entries(s.courts ?? {}).find(([, c]) => (c.periods ?? []).length > 0);
    expect(court).toBeDefined();
    const [id, spec] = court as [string, NonNullable<typeof s.courts>[string]];
    const dates = timelineChanges(s).filter((c) => c.path === `courts.${id}`).map((c) => c.date);
    expect(dates).toContain((spec.periods ?? [])[0]?.from);
  });
});
