// The scenario format's building parts: numbers, ids, clock times, dates, dated periods, shares and
// distributions. schema.ts and the court schema compose them; nothing here knows a scenario's shape.

import * as z from 'zod';

export const nonNegative = z.number().finite().min(0);
export const fraction = z.number().finite().min(0).max(1);
export const count = z.number().int().min(0);
export const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id such as "el-paso"')
  .describe('kebab-case id; appears unchanged in CSV scope columns');
export const clock = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected a clock time "HH:MM" between 00:00 and 24:00')
  .describe('clock time within a day, "HH:MM"; 24:00 is the midnight that ends it');
/** An instant something starts at: 24:00 would be the next day's 00:00, so it is written that way. */
export const startTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a clock time "HH:MM" between 00:00 and 23:59 (midnight is "00:00")')
  .describe('clock time within a day, "HH:MM", 00:00 to 23:59');
/** Rounded shares (four decimals each, as the bundled scenarios give them) may miss 1 by this much. */
export const MIX_SUM_TOLERANCE = 0.001;

export const isoDate = z.iso.date().describe('ISO date YYYY-MM-DD');
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month "YYYY-MM"');

/**
 * Dated periods of an entity: each sets some of its fields for an inclusive date range. For each
 * field, the first listed period covering a date that sets it wins (src/scenario/dated.ts).
 */
export function periodsOf<T extends Record<string, z.ZodType>>(fields: T, what: string) {
  const optional = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as { [K in keyof T]: z.ZodOptional<T[K]> };
  const names = Object.keys(fields);
  return z
    .array(
      z.strictObject({ from: isoDate, to: isoDate, ...optional }).refine((p) => names.some((k) => (p as Record<string, unknown>)[k] !== undefined), {
        message: `expected a period to set at least one of: ${names.join(', ')}`,
      }),
    )
    .optional()
    .describe(`date ranges (inclusive) that set ${what} for their dates; the first listed period covering a date wins for each field it sets`);
}

/** Shares by category (mix) or destination: non-negative, at least one positive. */
export const shares = z.record(id, z.number().finite().min(0).max(1e6));
/** A category mix: people fractions, each at most 1, summing to 1 (checked with the arrivals). */
export const mixShares = z.record(id, fraction);

// Distribution parameters: up to a million (hours, minutes or people): far beyond any real value,
// small enough that no derived quantity (a lognormal's log-variance) overflows.
export const parameter = z.number().finite().min(0).max(1e6);

/** A distribution of a non-negative quantity; its unit is the field's (hours, minutes). */
export const distribution = z
  .discriminatedUnion('dist', [
    z.strictObject({ dist: z.literal('deterministic'), value: parameter }),
    z.strictObject({ dist: z.literal('uniform'), min: parameter, max: parameter }),
    z.strictObject({ dist: z.literal('exponential'), mean: parameter }),
    z.strictObject({ dist: z.literal('lognormal'), mean: z.number().finite().min(1e-6).max(1e6), sd: parameter }),
    z.strictObject({ dist: z.literal('triangular'), min: parameter, mode: parameter, max: parameter }),
    z.strictObject({ dist: z.literal('poisson'), mean: parameter }),
    z.strictObject({
      dist: z.literal('categorical'),
      values: z.array(parameter).min(1),
      weights: z.array(parameter).min(1),
    }),
  ])
  .superRefine((d, ctx) => {
    if ((d.dist === 'uniform' || d.dist === 'triangular') && d.min > d.max) {
      ctx.addIssue({ code: 'custom', message: `expected min <= max, got min ${d.min} > max ${d.max}`, path: ['min'] });
    }
    if (d.dist === 'triangular' && (d.mode < d.min || d.mode > d.max)) {
      ctx.addIssue({ code: 'custom', message: `expected min <= mode <= max, got mode ${d.mode}`, path: ['mode'] });
    }
    if (d.dist === 'categorical') checkWeights(d.values, d.weights, ctx);
  })
  .describe('a distribution: {dist: deterministic|uniform|exponential|lognormal|triangular|poisson|categorical, ...}');

export function checkWeights(values: number[], weights: number[], ctx: z.RefinementCtx): void {
  if (values.length !== weights.length) {
    ctx.addIssue({ code: 'custom', message: `expected as many weights as values (${values.length}), got ${weights.length}`, path: ['weights'] });
  }
  if (!weights.some((w) => w > 0)) ctx.addIssue({ code: 'custom', message: 'expected at least one positive weight', path: ['weights'] });
}

/** Staff on duty by time of day; a shift may wrap past midnight ("22:00" to "06:00"). */
export const staffing = z
  .union([
    count,
    z
      .array(
        z.strictObject({ from: startTime, to: clock, count }).refine((shift) => shift.from !== shift.to, {
          message: 'expected a shift of some length: from equals to (a whole day is "00:00" to "24:00")',
          path: ['to'],
        }),
      )
      .min(1),
  ])
  .describe('a constant number on duty, or shifts [{from: "HH:MM", to: "HH:MM", count}]');
