// Who arrives, and how: the categories of people (group sizes, MPP eligibility) and a sector's
// arrivals (daily rates by constant, month or period, the daily count's law, the category mix, the
// hour-of-day profile and surges). Part of the scenario schema (schema.ts).

import * as z from 'zod';
import { nonNegative, fraction, id, MIX_SUM_TOLERANCE, month, periodsOf, mixShares, checkWeights, distribution } from './schema-parts.js';

/** A surge is a crowd crossing together: spread over more than a week it is a rate, not a surge. */
const MAX_SURGE_HOURS = 168;

/** People per group: a whole number, or whole numbers with weights. */
// A group is a family or a person travelling alone; a crowd crossing together is a surge of many groups.
const MAX_GROUP = 1000;
export const groupSize = z
  .union([
    z.number().int().min(1).max(MAX_GROUP),
    z
      .strictObject({ values: z.array(z.number().int().min(1).max(MAX_GROUP)).min(1), weights: z.array(nonNegative).min(1) })
      .superRefine((d, ctx) => checkWeights(d.values, d.weights, ctx)),
  ])
  .describe('people per group: a whole number, or {values: [...], weights: [...]}');

export const category = z.strictObject({
  groupSize,
  mppEligible: z.boolean().describe('whether MPP may apply (not to unaccompanied children or Mexican nationals)'),
  description: z.string().optional(),
});

export const arrivals = z
  .strictObject({
    peoplePerDay: nonNegative.optional().describe('mean people apprehended per day, on days no other entry covers'),
    monthly: z
      .record(month, nonNegative)
      .optional()
      .describe('people apprehended in each calendar month "YYYY-MM"; spread evenly over its days'),
    periods: periodsOf({ peoplePerDay: nonNegative, mix: mixShares }, 'the mean people per day and the category mix (overriding monthly values and the constants)'),
    count: z
      .enum(['poisson', 'negative-binomial', 'deterministic'])
      .default('poisson')
      .describe('daily count of groups per category around its mean'),
    dispersion: z.number().finite().min(0.01).optional().describe('negative binomial k >= 0.01: variance = mean + mean^2 / k'),
    mix: mixShares.describe('share of people by category id, each from 0 to 1; must sum to 1 (within 0.001)'),
    monthlyMix: z
      .record(month, mixShares)
      .optional()
      .describe('the category mix of each calendar month "YYYY-MM" (overrides mix; periods override it)'),
    hourlyProfile: z
      .array(nonNegative)
      .length(24)
      .optional()
      .describe('relative arrival intensity for each hour of the day; uniform if absent'),
    surge: z
      .strictObject({
        probabilityPerDay: fraction,
        people: distribution.describe('people in one surge, drawn as ordinary groups of the category arriving together'),
        category: id,
        withinHours: nonNegative
          .max(MAX_SURGE_HOURS)
          .default(0)
          .describe(`the surge arrives spread over this many hours (0: all at once; at most ${MAX_SURGE_HOURS}, a week)`),
      })
      .optional(),
  })
  .superRefine((a, ctx) => {
    if (a.count === 'negative-binomial' && a.dispersion === undefined) {
      ctx.addIssue({ code: 'custom', message: 'expected dispersion (k > 0) with count: negative-binomial', path: ['dispersion'] });
    }
    if (a.peoplePerDay === undefined && a.monthly === undefined && a.periods === undefined) {
      ctx.addIssue({ code: 'custom', message: 'expected one of peoplePerDay, monthly or periods', path: ['peoplePerDay'] });
    }
    if (a.hourlyProfile && !a.hourlyProfile.some((w) => w > 0)) {
      ctx.addIssue({ code: 'custom', message: 'expected at least one positive hourly weight', path: ['hourlyProfile'] });
    }
    // Shares are people fractions: a typo (0.7516 for 0.6516) must not be silently renormalised away.
    const mixes: [(string | number)[], Record<string, number>][] = [[['mix'], a.mix]];
    for (const [m, mix] of Object.entries(a.monthlyMix ?? {})) mixes.push([['monthlyMix', m], mix]);
    (a.periods ?? []).forEach((p, i) => p.mix && mixes.push([['periods', i, 'mix'], p.mix]));
    for (const [path, mix] of mixes) {
      if (!Object.values(mix).some((w) => w > 0)) ctx.addIssue({ code: 'custom', message: 'expected at least one positive share', path });
      const total = Object.values(mix).reduce((sum, w) => sum + w, 0);
      if (Math.abs(total - 1) > MIX_SUM_TOLERANCE) {
        ctx.addIssue({ code: 'custom', message: `expected shares summing to 1 (within ${MIX_SUM_TOLERANCE}), got a sum of ${Number(total.toFixed(6))}`, path });
      }
    }
  });
