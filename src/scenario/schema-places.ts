// The scenario format's places between sectors: bus routes (timetable, seats, fleet, dated periods),
// screenings (fear interviews) and ports of return (cap, hours, closed days, dated periods).

import * as z from 'zod';
import { clock, count, distribution, fraction, id, isoDate, periodsOf, staffing, startTime } from './schema-parts.js';

export const busRoute = z
  .strictObject({
    from: id,
    to: id,
    departures: z.array(startTime).min(1).describe('daily departure times'),
    busesPerDeparture: count,
    seatsPerBus: count,
    travelHours: distribution,
    fleet: z
      .strictObject({
        buses: z.number().int().min(1),
        returnHours: distribution.optional().describe('empty trip back; travelHours if absent'),
      })
      .optional()
      .describe('absent: a bus is always available at each departure'),
    fillBehind: z.boolean().default(false).describe('smaller groups behind may take seats a larger group ahead cannot use'),
    active: z.boolean().default(true).describe('whether the route runs; periods may switch it on or off by date'),
    periods: periodsOf(
      {
        active: z.boolean(),
        departures: z.array(startTime).min(1),
        busesPerDeparture: count,
        seatsPerBus: count,
        fleetBuses: z.number().int().min(1),
      },
      'whether the route runs, its departures, buses per departure, seats per bus and fleet size',
    ),
  })
  .superRefine((r, ctx) => {
    if (r.from === r.to) ctx.addIssue({ code: 'custom', message: `expected a destination other than the origin "${r.from}"`, path: ['to'] });
  });

export const screening = z.strictObject({
  fearFraction: fraction.describe('fraction of enrolled groups who express fear of return'),
  officers: staffing,
  interviewMinutes: distribution,
  positiveRate: fraction.describe('fraction of interviews found positive (not returned)'),
  periods: periodsOf({ officers: staffing }, 'the officers on duty'),
});

const weekday = z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

export const port = z
  .strictObject({
    description: z.string().optional(),
    dailyCap: count.describe('people returned per day at most; resets each day'),
    capPeriods: z
      .array(z.strictObject({ from: isoDate, to: isoDate, dailyCap: count }))
      .optional()
      .describe('date ranges (inclusive) with their own daily cap, overriding dailyCap'),
    hours: z.strictObject({ open: clock, close: clock }).default({ open: '00:00', close: '24:00' }),
    closedWeekdays: z.array(weekday).default([]),
    closedDates: z.array(isoDate).default([]),
    active: z.boolean().default(true).describe('whether the port returns anyone; periods may open or close it by date'),
    court: id.optional().describe('the court that people returned here are noticed to (absent: a return here is an exit)'),
    hearingIntakePerDay: count
      .optional()
      .describe('people a day the port takes in for their hearings, whole groups in the order they present; one it cannot take in misses the hearing and is booked again (absent: no limit)'),
    periods: periodsOf(
      { active: z.boolean(), dailyCap: count, hours: z.strictObject({ open: clock, close: clock }) },
      'whether the port is open for returns, its daily cap and its hours (overriding capPeriods)',
    ),
  })
  .superRefine((p, ctx) => {
    if (p.hours.open >= p.hours.close) {
      ctx.addIssue({ code: 'custom', message: `expected open before close, got ${p.hours.open}-${p.hours.close}`, path: ['hours'] });
    }
    (p.periods ?? []).forEach((period, i) => {
      if (period.hours && period.hours.open >= period.hours.close) {
        ctx.addIssue({ code: 'custom', message: `expected open before close, got ${period.hours.open}-${period.hours.close}`, path: ['periods', i, 'hours'] });
      }
    });
  });
