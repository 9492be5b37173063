// The scenario file's one definition: runtime validation, the static type and (via
// `z.toJSONSchema`) the editor schema all come from here. Cross-references are checked in references.ts.

import * as z from 'zod';
import { parseIsoDate } from './calendar-dates.js';
import { fraction, count, id, staffing, isoDate, month, periodsOf, shares, distribution } from './schema-parts.js';
import { arrivals, category, type groupSize } from './schema-arrivals.js';

import { courts } from './schema-courts.js';
import { busRoute, port, screening } from './schema-places.js';

export { distribution };

const sector = z.strictObject({
  description: z.string().optional(),
  holdingCapacity: count.describe('people the site can hold at once: waiting for processing, a bus, an interview or a port'),
  periods: periodsOf({ holdingCapacity: count }, 'the holding capacity'),
  arrivals: arrivals.optional().describe('apprehensions at this sector; absent for a site that only receives buses'),
  processing: z
    .strictObject({
      agents: staffing,
      hoursPerGroup: distribution.describe('hours one agent spends processing one group'),
      periods: periodsOf({ agents: staffing }, 'the agents on duty'),
    })
    .optional(),
  mpp: z
    .strictObject({
      enrolledFraction: fraction.describe('fraction of MPP-eligible people enrolled; the rest leave as "other"'),
      monthly: z
        .record(month, fraction)
        .optional()
        .describe('enrolled fraction by arrival month "YYYY-MM" (a roll-out); periods override it'),
      destinations: shares
        .optional()
        .describe('where enrollees go, by share: port ids (this or another sector\'s) and bus routes leaving this sector; default: mpp.bus, else the sector\'s port'),
      periods: periodsOf(
        { enrolledFraction: fraction, destinations: shares },
        'the enrolled fraction and the destinations, by arrival date (e.g. 0 before a programme starts)',
      ),
      categories: z
        .array(id)
        .min(1)
        .optional()
        .describe('the MPP-eligible categories enrolled at this sector (default: every mppEligible category)'),
      bus: id.optional().describe('bus route that takes enrollees to another site; without it they return through this site\'s port'),
      court: id.optional().describe('the court this sector\'s returnees are noticed to (default: their port\'s court)'),
    })
    .optional()
    .describe('absent: nobody is enrolled here'),
  port: id.optional().describe('port of return for enrollees waiting at this site'),
  screening: id.optional().describe('screening (fear interviews) done at this site before return'),
});

const citation = z.union([
  z.strictObject({ fact: z.string().min(1) }),
  z.strictObject({ facts: z.array(z.string().min(1)).min(1) }),
  z.strictObject({ assumption: z.string().min(1) }),
  z.strictObject({ fact: z.string().min(1), note: z.string().min(1) }),
  z.strictObject({ facts: z.array(z.string().min(1)).min(1), note: z.string().min(1) }),
]);

export const fact = z.strictObject({
  id: z.string().min(1),
  value: z.union([z.number(), z.string()]),
  unit: z.string(),
  date: z.string().describe('date or period the figure refers to'),
  source: z.string().min(1),
  url: z.string().optional(),
  note: z.string().optional(),
});

// Bounds on the calendar itself, checked before any day is looked at: a horizon of 1e15 days
// would take minutes to refuse later; years past 9999 print as "+010000-01".
const MAX_DAYS = 36_600;
const FIRST_DATE = '1900-01-01';
const LAST_DATE = '9999-12-31';

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: id.describe('used for the default output folder'),
    title: z.string().optional(),
    description: z.string().optional(),
    start: isoDate.describe('day 0, 00:00'),
    days: z.number().int().min(1).max(MAX_DAYS).describe(`horizon in days, at most ${MAX_DAYS} (a century; runs are limited to 3,660 unless --max-days or --allow-large)`),
    warmupDays: count.default(0).describe('simulated but left out of statistics'),
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
    replications: z.number().int().min(1).max(1_000_000).default(1).describe('replications to run (at most 1,000,000, the most any command runs)'),
    categories: z.record(id, category),
    sectors: z.record(id, sector),
    busRoutes: z.record(id, busRoute).default({}),
    screenings: z.record(id, screening).default({}),
    ports: z.record(id, port).default({}),
    courts,
    facts: z.array(fact).default([]).describe('facts cited only by this scenario (bundled facts live in seeds/)'),
    citations: z
      .record(z.string(), citation)
      .default({})
      .describe('field path (e.g. "ports.del-rio.dailyCap") -> {fact: id} | {facts: [ids]} | {assumption: why}'),
  })
  .superRefine((s, ctx) => {
    // Refinements run even when days failed its own bound: only a horizon within it is dated.
    const last = parseIsoDate(s.start) + (Math.min(s.days, MAX_DAYS) - 1) * 86_400_000;
    if (parseIsoDate(s.start) < parseIsoDate(FIRST_DATE) || last > parseIsoDate(LAST_DATE)) {
      ctx.addIssue({ code: 'custom', message: `expected every simulated day between ${FIRST_DATE} and ${LAST_DATE}, got ${s.days} days from ${s.start}`, path: ['start'] });
    }
    if (s.warmupDays >= s.days) {
      ctx.addIssue({ code: 'custom', message: `expected warmupDays < days (${s.days}), got ${s.warmupDays}`, path: ['warmupDays'] });
    }
  });

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Sector = Scenario['sectors'][string];
export type Arrivals = NonNullable<Sector['arrivals']>;
export type BusRoute = Scenario['busRoutes'][string];
export type Screening = Scenario['screenings'][string];
export type Port = Scenario['ports'][string];
export type Court = NonNullable<Scenario['courts']>[string];
export type Mpp = NonNullable<Sector['mpp']>;
export type Processing = NonNullable<Sector['processing']>;
export type Category = Scenario['categories'][string];
export type Staffing = z.output<typeof staffing>;
export type GroupSize = z.output<typeof groupSize>;
export type Fact = z.output<typeof fact>;
export type Distribution = z.output<typeof distribution>;

/** The JSON Schema of scenario files as written (before defaults), from the same zod schema that validates them. */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
}
