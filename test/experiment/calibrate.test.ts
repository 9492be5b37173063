// `calibrate` recovers a known input from figures its own model produced: the enrolled fraction
// behind a returned count simulated at 0.6, from other seeds, lies within the fitted interval.

import { describe, expect, it } from 'vitest';
import { calibrate, parseFitRange, replicate, targetLabel, type CalibrationTarget } from '../../src/experiment/index.js';
import { validateScenario } from '../../src/scenario/index.js';
import { estimate } from '../../src/stats/index.js';
import { metric } from '../support/scenarios.js';

const KNOWN_FRACTION = 0.6;

/** Poisson arrivals of single people, a fraction enrolled and returned through a port that never binds. */
const document = (enrolledFraction: number, seed: number) => ({
  name: 'enrolment',
  start: '2019-11-01',
  days: 30,
  seed,
  categories: { single: { groupSize: 1, mppEligible: true } },
  sectors: { s: { holdingCapacity: 100_000, arrivals: { peoplePerDay: 50, mix: { single: 1 } }, mpp: { enrolledFraction }, port: 'p' } },
  ports: { p: { dailyCap: 1_000 } },
});

const truth = (peoplePerDay: number) => ({ ...document(KNOWN_FRACTION, 99), sectors: { s: { ...document(KNOWN_FRACTION, 99).sectors.s, arrivals: { peoplePerDay, mix: { single: 1 } } } } });

/**
 * The "reported" figure: the mean over 10 replications at the known fraction, from another seed
 * than the fit's, with its own 95% half-width as the tolerance (how far off it may itself be).
 */
function reported(name: string, heldOut: boolean, peoplePerDay = 50): CalibrationTarget {
  const results = replicate(validateScenario(truth(peoplePerDay), 'truth'), { replications: 10 });
  const e = estimate(results.map((r) => metric(r.metrics, name, 'total')));
  return { metric: name, scope: 'total', value: e.mean, tolerance: (e.ciHigh - e.ciLow) / 2, heldOut };
}

describe('calibrate', () => {
  it('recovers the enrolled fraction behind a simulated returned count, within its interval', async () => {
    // About 876 returned (± 20) and 599 others: the arrivals of seed 99 at 50 a day, 60% enrolled.
    const targets = [reported('returned', false), reported('other', true)];
    const fit = await calibrate(document(0.3, 5), 'start', [parseFitRange('sectors.s.mpp.enrolledFraction=0..1')], targets, {
      replications: 6,
      gridPoints: 5,
      rounds: 4,
      seed: 5,
      workers: 1,
    });
    const [fraction] = fit.fits;
    expect(fraction.interval).toBeDefined();
    const [low, high] = fraction.interval!;
    expect(low).toBeLessThanOrEqual(KNOWN_FRACTION);
    expect(high).toBeGreaterThanOrEqual(KNOWN_FRACTION);
    // Narrow enough to mean something: the tolerance (about 2% of the count) and the fit's own
    // half-width (about 2.5%) make about ±0.03 on the fraction; measured [0.555, 0.614].
    expect(high - low).toBeLessThan(0.1);
    expect(Math.abs(fraction.value - KNOWN_FRACTION)).toBeLessThan(0.03);
    expect(fit.targets.map((t) => [targetLabel(t.target), t.target.heldOut, t.within])).toEqual([
      ['returned.total', false, true],
      ['other.total', true, true],
    ]);
    expect(Math.abs(fit.targets[1].ratio - 1)).toBeLessThan(0.03);
    expect(fit.replications).toBe(6 * fit.candidates.length);
  });

  it('recovers two inputs at once, the arrival rate and the enrolled fraction, from the returned and the others', async () => {
    // returned = arrivals x fraction, other = arrivals x (1 - fraction): only both together pin both down.
    const targets = [reported('returned', false, 40), reported('other', false, 40)];
    const ranges = ['sectors.s.arrivals.peoplePerDay=20..80', 'sectors.s.mpp.enrolledFraction=0..1'].map(parseFitRange);
    const fit = await calibrate(document(0.3, 5), 'start', ranges, targets, { replications: 6, gridPoints: 5, rounds: 6, seed: 5, workers: 1 });
    const [rate, fraction] = fit.fits;
    expect(rate.interval![0]).toBeLessThanOrEqual(40);
    expect(rate.interval![1]).toBeGreaterThanOrEqual(40);
    expect(fraction.interval![0]).toBeLessThanOrEqual(KNOWN_FRACTION);
    expect(fraction.interval![1]).toBeGreaterThanOrEqual(KNOWN_FRACTION);
    expect(fit.targets.every((t) => t.within)).toBe(true);
    // Measured 40.2 and 0.594; each interval is the other input held at its best (a slice, not a joint region).
    expect(Math.abs(rate.value - 40)).toBeLessThan(1.5);
    expect(Math.abs(fraction.value - KNOWN_FRACTION)).toBeLessThan(0.03);
  });

  it('snaps to the step of a whole-number field and refuses a grid too coarse to search', async () => {
    const target: CalibrationTarget = { metric: 'returned', scope: 'total', value: 900, tolerance: 10, heldOut: false };
    const settings = { replications: 2, gridPoints: 5, rounds: 2, seed: 1, workers: 1 };
    const fit = await calibrate(document(0.6, 1), 'start', [parseFitRange('ports.p.dailyCap=10..100:10')], [target], settings);
    expect(fit.candidates.every((c) => c.values[0] % 10 === 0)).toBe(true);
    await expect(calibrate(document(0.6, 1), 'start', [parseFitRange('ports.p.dailyCap=10..100')], [target], { ...settings, gridPoints: 2 })).rejects.toThrow(/--grid: expected a whole number from 3 up/);
  });
});
