// The hearing half of MPP: immigration courts with a docket of slots a day, the notice lead time,
// the hearing-day call time and transport, and the chances of each outcome by hearing number.

import * as z from 'zod';
import { count, distribution, fraction, id, isoDate, periodsOf, startTime } from './schema-parts.js';

/** Seats and trips between the port and the court (absent: everyone travels at once, as on their own or to a tent court). */
const transport = z.strictObject({
  seatsPerTrip: z.number().int().min(1).describe('people a trip carries; a group boards only whole'),
  toCourt: z.array(startTime).min(1).describe('daily departures from the port to the court; who has no seat on the last one misses the hearing'),
  toPort: z.array(startTime).min(1).describe('daily departures from the court back to the port; who has no seat waits for the next, the next day if need be'),
});

const weekday = z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** One hearing's outcome shares; they must sum to 1. */
const outcomes = z
  .strictObject({
    reset: fraction,
    removal: fraction,
    relief: fraction,
    terminated: fraction,
    fear: fraction.default(0).describe('fear of return expressed at the hearing: the case goes to the court\'s screening (needs `screening`)'),
  })
  .superRefine((o, ctx) => {
    const total = o.reset + o.removal + o.relief + o.terminated + o.fear;
    if (Math.abs(total - 1) > 0.001) ctx.addIssue({ code: 'custom', message: `expected reset + removal + relief + terminated + fear = 1, got ${Number(total.toFixed(6))}` });
  });

export const court = z.strictObject({
  description: z.string().optional(),
  port: id.optional().describe('the port where people present for hearings and are returned after a reset (default: the port they were returned through)'),
  screening: id.optional().describe('the screening (fear interviews) a hearing refers a case to when fear is expressed there'),
  slotsPerDay: count.describe('people the court can hear in a day (its docket: courtrooms x hearings per courtroom)'),
  closedWeekdays: z.array(weekday).default(['saturday', 'sunday']).describe('days with no hearings'),
  closedDates: z.array(isoDate).default([]),
  hearingTime: startTime.default('09:00').describe('when the day\'s hearings start'),
  callHours: z.number().finite().min(0).max(24).default(4).describe('hours before the hearing people must present at the port'),
  leadDays: count.describe('a first hearing is at least this many days after the return to Mexico (the notice lead time)'),
  resetDays: count.describe('after a reset, the next hearing is at least this many days later'),
  travelHours: distribution.describe('port to court (and back); deterministic 0 for a court at the port, as the tent courts were; with `transport`, drawn once per trip'),
  transport: transport.optional(),
  noShow: z.array(fraction).min(1).describe('probability of not appearing, by hearing number (1st, 2nd, ...; the last applies to later ones)'),
  outcomes: z.array(outcomes).min(1).describe('outcome shares of a hearing held, by hearing number (the last applies to later ones)'),
  periods: periodsOf({ slotsPerDay: count }, 'the docket\'s slots a day (0 before a court opens)'),
  postponements: z
    .array(
      z.strictObject({ from: isoDate, to: isoDate }).refine((w) => w.from <= w.to, { message: 'expected from on or before to', path: ['to'] }),
    )
    .optional()
    .describe('every hearing from `from` to `to` (inclusive) postponed, announced on `from`: one already booked then is given, at its call time, the first free day after `to`'),
});

export const courts = z.record(id, court).optional().describe('immigration courts; absent: a return to Mexico is an exit');
