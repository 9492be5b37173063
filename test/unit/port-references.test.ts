// Caps that must fit the largest group reaching a port (a group is never split): a port's daily cap,
// including the port a court sends its cases to for hearings and returns after a reset (issue 14,
// item 3), a port's hearing intake and a court's seats per trip.

import { describe, expect, it } from 'vitest';
import { scenario } from '../support/scenarios.js';

type Courts = Parameters<typeof scenario>[0]['courts'];

/** Families of 3 returned through `first`, whose cases are heard by a court presenting at `bridge`. */
function families(o: { bridgeCap?: number; intake?: number; transport?: { seatsPerTrip: number; toCourt: string[]; toPort: string[] } }) {
  const courts: Courts = {
    court: {
      port: 'bridge',
      slotsPerDay: 100,
      leadDays: 10,
      resetDays: 10,
      travelHours: { dist: 'deterministic', value: 1 },
      noShow: [0],
      outcomes: [{ reset: 1, removal: 0, relief: 0, terminated: 0 }],
      ...(o.transport ? { transport: o.transport } : {}),
    },
  };
  return () =>
    scenario({
      categories: { family: { groupSize: 3, mppEligible: true } },
      sectors: { a: { holdingCapacity: 100, arrivals: { peoplePerDay: 9, mix: { family: 1 } }, mpp: { enrolledFraction: 1 }, port: 'first' } },
      ports: {
        first: { dailyCap: 30, court: 'court' },
        bridge: { dailyCap: o.bridgeCap ?? 30, ...(o.intake === undefined ? {} : { hearingIntakePerDay: o.intake }) },
      },
      courts,
    });
}

describe('caps that must fit the largest group', () => {
  it("covers a court's port: its cap must fit the groups returned there after a reset", () => {
    expect(families({ bridgeCap: 2 })).toThrow(/ports\.bridge\.dailyCap: expected 0 \(closed\) or at least 3: groups of 3 from "a" reach this port/);
    expect(families({ bridgeCap: 3 })).not.toThrow();
    expect(families({ bridgeCap: 0 })).not.toThrow();
  });

  it("covers a port's hearing intake", () => {
    expect(families({ intake: 2 })).toThrow(/ports\.bridge\.hearingIntakePerDay: expected 0 \(closed\) or at least 3/);
    expect(families({ intake: 3 })).not.toThrow();
  });

  it("covers a court's seats per trip", () => {
    const transport = (seatsPerTrip: number) => ({ seatsPerTrip, toCourt: ['06:00'], toPort: ['14:00'] });
    expect(families({ transport: transport(2) })).toThrow(/courts\.court\.transport\.seatsPerTrip: expected at least 3: groups of 3 from "a" are heard here and a group is never split across trips/);
    expect(families({ transport: transport(3) })).not.toThrow();
  });
});
