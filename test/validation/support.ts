// Shared pieces of the validation tests: one-sector queues written in the scenario format, and the
// interval check every statistical assertion here uses.

import { expect } from 'vitest';
import { simulate, type Metric } from '../../src/model/index.js';
import type { Distribution, Scenario } from '../../src/scenario/index.js';
import { estimate, type Estimate } from '../../src/stats/index.js';
import { metric, scenario } from '../support/scenarios.js';

/** The confidence level of every interval here: a correct model fails one check with probability 0.001. */
export const LEVEL = 0.999;

export interface QueueSpec {
  /** People (groups of one) per hour: a Poisson process, since each day's count is Poisson and times are uniform within the day. */
  perHour: number;
  agents: number;
  hoursPerGroup: Distribution;
  days: number;
  warmupDays: number;
  /** People the site holds at once (waiting and in processing); default: never binding. */
  holdingCapacity?: number;
  seed?: number;
}

/**
 * One sector whose processing stage is the queue under test: Poisson arrivals of single people,
 * `agents` servers, no MPP (so everyone leaves as "other" once processed and frees their place).
 */
export function processingQueue(spec: QueueSpec): Scenario {
  return scenario({
    name: 'queue',
    days: spec.days,
    warmupDays: spec.warmupDays,
    seed: spec.seed ?? 2019,
    sectors: {
      q: {
        holdingCapacity: spec.holdingCapacity ?? 100_000_000,
        arrivals: { peoplePerDay: spec.perHour * 24, mix: { single: 1 } },
        processing: { agents: spec.agents, hoursPerGroup: spec.hoursPerGroup },
      },
    },
  });
}

/** Runs replications 0..n-1 and returns each one's metrics. */
export function replications(s: Scenario, n: number): Metric[][] {
  return Array.from({ length: n }, (_, replication) => simulate(s, { replication }).metrics);
}

export function values(runs: readonly Metric[][], name: string, scope: string): number[] {
  return runs.map((m) => metric(m, name, scope));
}

/**
 * The 99.9% Student-t interval of independent replication values must contain `exact`, and its
 * half-width must be at most `maxRelativeHalfWidth` of `exact`, so that containing it means something.
 */
export function expectWithin(label: string, observed: readonly number[], exact: number, maxRelativeHalfWidth: number): Estimate {
  const ci = estimate(observed, LEVEL);
  const halfWidth = (ci.ciHigh - ci.ciLow) / 2;
  const text = `${label}: exact ${exact.toPrecision(5)}, simulated ${ci.mean.toPrecision(5)} [${ci.ciLow.toPrecision(5)}, ${ci.ciHigh.toPrecision(5)}] (99.9%, n = ${ci.n}), half-width ${((100 * halfWidth) / exact).toFixed(1)}% of exact`;
  if (process.env.MPPSIM_VALIDATION_LOG) console.log(text);
  expect(ci.n, text).toBe(observed.length);
  expect(ci.ciLow, text).toBeLessThanOrEqual(exact);
  expect(ci.ciHigh, text).toBeGreaterThanOrEqual(exact);
  expect(halfWidth, text).toBeLessThanOrEqual(maxRelativeHalfWidth * exact);
  return ci;
}
