import { describe, expect, it } from 'vitest';
import {
  RandomStreams,
  bernoulli,
  categoricalIndex,
  countSampler,
  createStream,
  distributionMean,
  sampler,
  streamSeed,
  type DistributionSpec,
  type Uniform01,
} from '../../src/random/index.js';

// How the statistical tests are set up: every stream has a fixed seed, so each test is deterministic
// (it passes or fails the same way on every run). The tolerances are 4 standard errors, with the SE
// computed from the *theoretical* moments of the distribution under test, not from the sample: a
// correct sampler lands outside 4 SE with probability ~6e-5 (two-sided normal tail), so a
// failure means the sampler is wrong, not that we were unlucky with the seed. Sample sizes are chosen
// so that 4 SE is a small fraction of the quantity checked (usually well under 2% of it).
const Z = 4;
const N = 100_000;

function draws(n: number, next: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = next();
  return out;
}

/** Sample mean and unbiased sample variance (two-pass). */
function moments(xs: Float64Array): { mean: number; variance: number } {
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  return { mean, variance: ss / (xs.length - 1) };
}

/** SE of the sample mean: sqrt(variance / n). */
const seMean = (variance: number, n: number) => Math.sqrt(variance / n);
/** SE of the sample variance: sqrt((mu4 - sigma^4) / n), mu4 the fourth central moment. */
const seVariance = (variance: number, mu4: number, n: number) => Math.sqrt((mu4 - variance * variance) / n);

const stream = (name: string): Uniform01 => createStream(2024, 1, name);

describe('random streams', () => {
  it('gives the same sequence for the same (seed, replication, name)', () => {
    const a = draws(1000, createStream(11, 3, 'arrivals'));
    const b = draws(1000, createStream(11, 3, 'arrivals'));
    expect(Array.from(a)).toEqual(Array.from(b));
    const viaStreams = draws(1000, new RandomStreams(11, 3).stream('arrivals'));
    expect(Array.from(viaStreams)).toEqual(Array.from(a));
  });

  it('returns the same stream object for the same name', () => {
    const streams = new RandomStreams(1, 0);
    const s = streams.stream('service');
    s();
    expect(streams.stream('service')).toBe(s);
    expect(streams.stream('other')).not.toBe(s);
    expect([streams.seed, streams.replication]).toEqual([1, 0]);
  });

  it('gives different sequences for different names, replications and seeds', () => {
    const base = Array.from(draws(100, createStream(11, 3, 'arrivals')));
    const variants = [
      createStream(11, 3, 'arrival'),
      createStream(11, 3, 'Arrivals'),
      createStream(11, 4, 'arrivals'),
      createStream(11, 0, 'arrivals'),
      createStream(12, 3, 'arrivals'),
      createStream(113, 0, 'arrivals'), // not confused with (11, 30) or (1, 13)
      createStream(1, 13, 'arrivals'),
    ].map((s) => Array.from(draws(100, s)));
    for (const v of variants) {
      // Position by position, not one of the 100 draws coincides (a chance match has p ~ 100 * 2^-32).
      expect(v.filter((x, i) => x === base[i])).toEqual([]);
    }
    // And the variants differ pairwise, e.g. (113, 0) vs (1, 13).
    expect(variants[5]).not.toEqual(variants[6]);
    expect(streamSeed(113, 0, 'a')).not.toBe(streamSeed(1, 130, 'a'));
  });

  it('keeps a stream’s draws unchanged when other streams are created and drawn from (common random numbers)', () => {
    const reference = Array.from(draws(2000, new RandomStreams(7, 2).stream('service')));

    const streams = new RandomStreams(7, 2);
    const early = streams.stream('arrivals');
    for (let i = 0; i < 500; i++) early();
    const service = streams.stream('service');
    const got: number[] = [];
    for (let i = 0; i < 2000; i++) {
      got.push(service());
      // Interleave draws from other streams, including one created mid-way.
      early();
      if (i % 3 === 0) streams.stream(`sector-${i % 7}`)();
      if (i === 1000) sampler({ dist: 'poisson', mean: 50 }, streams.stream('late'))();
    }
    expect(got).toEqual(reference);
  });

  it('draws uniformly on [0, 1)', () => {
    const xs = draws(N, stream('uniform01'));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const { mean, variance } = moments(xs);
    // Uniform(0,1): mean 1/2, variance 1/12, mu4 = 1/80; 4-SE tolerances (see header).
    expect(Math.abs(mean - 0.5)).toBeLessThanOrEqual(Z * seMean(1 / 12, N));
    expect(Math.abs(variance - 1 / 12)).toBeLessThanOrEqual(Z * seVariance(1 / 12, 1 / 80, N));
    // Each tenth holds ~10%: binomial SE sqrt(0.1 * 0.9 / N), 4 SE per bin.
    const bins = new Array<number>(10).fill(0);
    for (const x of xs) bins[Math.floor(x * 10)]++;
    for (const count of bins) expect(Math.abs(count / N - 0.1)).toBeLessThanOrEqual(Z * Math.sqrt((0.1 * 0.9) / N));
  });
});

interface Case {
  name: string;
  /** Present for the `sampler(spec)` cases: also checked against `distributionMean`. */
  spec?: DistributionSpec;
  make: (source: Uniform01) => () => number;
  mean: number;
  variance: number;
  /** Fourth central moment, for the SE of the sample variance. */
  mu4: number;
  inSupport: (x: number) => boolean;
}

function specCase(name: string, spec: DistributionSpec, mean: number, variance: number, mu4: number, inSupport: (x: number) => boolean): Case {
  return { name, spec, make: (source) => sampler(spec, source), mean, variance, mu4, inSupport };
}

const isCount = (x: number) => Number.isInteger(x) && x >= 0;
const poissonMu4 = (lambda: number) => lambda + 3 * lambda * lambda;

/** Lognormal with its own mean m and sd s: log-variance s2 = ln(1 + s²/m²); kurtosis e^{4s2} + 2e^{3s2} + 3e^{2s2} - 3. */
function lognormalMu4(m: number, s: number): number {
  const s2 = Math.log(1 + (s * s) / (m * m));
  return (Math.exp(4 * s2) + 2 * Math.exp(3 * s2) + 3 * Math.exp(2 * s2) - 3) * s ** 4;
}

/** Negative binomial (gamma-Poisson, mean m, dispersion k): cumulants k2 = m + m²/k, k4 = m + 7m²/k + 12m³/k² + 6m⁴/k³; mu4 = k4 + 3 k2². */
function negBinomial(m: number, k: number): { variance: number; mu4: number } {
  const k2 = m + (m * m) / k;
  const k4 = m + (7 * m ** 2) / k + (12 * m ** 3) / k ** 2 + (6 * m ** 4) / k ** 3;
  return { variance: k2, mu4: k4 + 3 * k2 * k2 };
}

function categoricalMoments(values: number[], weights: number[]): { mean: number; variance: number; mu4: number } {
  const total = weights.reduce((a, b) => a + b, 0);
  const p = weights.map((w) => w / total);
  const mean = values.reduce((s, v, i) => s + p[i] * v, 0);
  const central = (r: number) => values.reduce((s, v, i) => s + p[i] * (v - mean) ** r, 0);
  return { mean, variance: central(2), mu4: central(4) };
}

const cat = categoricalMoments([1, 2, 5], [2, 3, 5]); // mean 3.3, variance 3.01
const nb1 = negBinomial(4, 2); // variance 12
const nb2 = negBinomial(20, 5); // variance 100

const cases: Case[] = [
  // Uniform(a, b): variance (b-a)²/12, mu4 (b-a)⁴/80.
  specCase('uniform(2, 5)', { dist: 'uniform', min: 2, max: 5 }, 3.5, 0.75, 3 ** 4 / 80, (x) => x >= 2 && x <= 5),
  // Exponential(mean m): variance m², mu4 9m⁴.
  specCase('exponential(mean 3)', { dist: 'exponential', mean: 3 }, 3, 9, 9 * 3 ** 4, (x) => x >= 0 && Number.isFinite(x)),
  specCase('exponential(mean 0.05)', { dist: 'exponential', mean: 0.05 }, 0.05, 0.0025, 9 * 0.05 ** 4, (x) => x >= 0),
  // Lognormal by its own mean and sd: the sample variance checks the sd.
  specCase('lognormal(mean 2, sd 1.5)', { dist: 'lognormal', mean: 2, sd: 1.5 }, 2, 2.25, lognormalMu4(2, 1.5), (x) => x > 0 && Number.isFinite(x)),
  specCase('lognormal(mean 10, sd 1)', { dist: 'lognormal', mean: 10, sd: 1 }, 10, 1, lognormalMu4(10, 1), (x) => x > 0),
  // Triangular(a, c, b): mean (a+b+c)/3, variance (a²+b²+c²-ab-ac-bc)/18, kurtosis always 12/5.
  specCase('triangular(1, 2, 6)', { dist: 'triangular', min: 1, mode: 2, max: 6 }, 3, 21 / 18, 2.4 * (21 / 18) ** 2, (x) => x >= 1 && x <= 6),
  specCase('triangular(0, 0, 3)', { dist: 'triangular', min: 0, mode: 0, max: 3 }, 1, 0.5, 2.4 * 0.25, (x) => x >= 0 && x <= 3),
  specCase('triangular(0, 3, 3)', { dist: 'triangular', min: 0, mode: 3, max: 3 }, 2, 0.5, 2.4 * 0.25, (x) => x >= 0 && x <= 3),
  // Poisson(λ): variance λ, mu4 λ + 3λ². Small mean (inversion path) and large (d3's gamma/binomial path).
  specCase('poisson(3)', { dist: 'poisson', mean: 3 }, 3, 3, poissonMu4(3), isCount),
  specCase('poisson(500)', { dist: 'poisson', mean: 500 }, 500, 500, poissonMu4(500), isCount),
  specCase('categorical([1,2,5] weights [2,3,5])', { dist: 'categorical', values: [1, 2, 5], weights: [2, 3, 5] }, cat.mean, cat.variance, cat.mu4, (x) =>
    [1, 2, 5].includes(x),
  ),
  // countSampler: Poisson without dispersion, negative binomial (variance m + m²/k) with it.
  { name: 'countSampler poisson(3)', make: (s) => { const c = countSampler(s); return () => c(3); }, mean: 3, variance: 3, mu4: poissonMu4(3), inSupport: isCount },
  { name: 'countSampler poisson(500)', make: (s) => { const c = countSampler(s); return () => c(500); }, mean: 500, variance: 500, mu4: poissonMu4(500), inSupport: isCount },
  { name: 'countSampler negbin(mean 4, k 2)', make: (s) => { const c = countSampler(s, 2); return () => c(4); }, mean: 4, ...nb1, inSupport: isCount },
  { name: 'countSampler negbin(mean 20, k 5)', make: (s) => { const c = countSampler(s, 5); return () => c(20); }, mean: 20, ...nb2, inSupport: isCount },
];

describe('distributions', () => {
  describe.each(cases)('$name', (c) => {
    const xs = draws(N, c.make(stream(`dist/${c.name}`)));
    const { mean, variance } = moments(xs);

    it('has every sample within the support', () => {
      const outside = Array.from(xs).filter((x) => !c.inSupport(x));
      expect(outside.slice(0, 5)).toEqual([]);
    });

    it('has a sample mean within 4 SE of the theoretical mean', () => {
      // 4 SE, SE = sqrt(theoretical variance / n): see the header comment.
      expect(Math.abs(mean - c.mean)).toBeLessThanOrEqual(Z * seMean(c.variance, N));
    });

    it('has a sample variance within 4 SE of the theoretical variance', () => {
      // 4 SE, SE of s² = sqrt((mu4 - sigma^4) / n) from the theoretical moments: see the header comment.
      expect(Math.abs(variance - c.variance)).toBeLessThanOrEqual(Z * seVariance(c.variance, c.mu4, N));
    });

    if (c.spec) {
      const spec = c.spec;
      it('matches distributionMean', () => {
        expect(distributionMean(spec)).toBeCloseTo(c.mean, 12);
      });
    }

    it('is reproducible from the same seed', () => {
      const again = draws(1000, c.make(stream(`dist/${c.name}`)));
      expect(Array.from(again)).toEqual(Array.from(xs.subarray(0, 1000)));
    });
  });

  it('lognormal: the log of the samples has the implied log-scale mean and variance', () => {
    // mean 2, sd 1.5: sigma² = ln(1 + 1.5²/2²), mu = ln 2 - sigma²/2. log X is normal, so its sample mean
    // has SE sqrt(sigma²/n) and its sample variance SE sigma² sqrt(2/n); 4 SE as everywhere.
    const sigma2 = Math.log(1 + 2.25 / 4);
    const mu = Math.log(2) - sigma2 / 2;
    const logs = draws(N, sampler({ dist: 'lognormal', mean: 2, sd: 1.5 }, stream('lognormal-log'))).map(Math.log);
    const m = moments(logs);
    expect(Math.abs(m.mean - mu)).toBeLessThanOrEqual(Z * Math.sqrt(sigma2 / N));
    expect(Math.abs(m.variance - sigma2)).toBeLessThanOrEqual(Z * sigma2 * Math.sqrt(2 / N));
  });

  it('triangular: uses the whole range [min, max] and puts (mode-min)/(max-min) of its mass below the mode', () => {
    const xs = draws(N, sampler({ dist: 'triangular', min: 1, mode: 2, max: 6 }, stream('triangular-shape')));
    // P(X < min + 0.05) = 0.05²/(5·1) = 5e-4 and P(X > max - 0.05) = 0.05²/(5·4) = 1.25e-4: with n = 1e5 we
    // expect ~50 and ~12.5 such samples, so seeing none would have probability below e^-12.
    expect(Math.min(...xs)).toBeLessThan(1.05);
    expect(Math.max(...xs)).toBeGreaterThan(5.95);
    // P(X < mode) = 1/5; binomial SE sqrt(0.2·0.8/n), 4 SE.
    const below = xs.filter((x) => x < 2).length / N;
    expect(Math.abs(below - 0.2)).toBeLessThanOrEqual(Z * Math.sqrt((0.2 * 0.8) / N));
    // Density peaks at the mode: the 0.5-wide bin around the mode holds more than the bins beside it.
    const bin = (lo: number) => xs.filter((x) => x >= lo && x < lo + 0.5).length;
    expect(bin(1.75)).toBeGreaterThan(bin(1.25));
    expect(bin(1.75)).toBeGreaterThan(bin(2.25));
  });

  it('categorical: each value’s frequency is within 4 SE of its weight share', () => {
    const values = [10, 20, 30, 40];
    const weights = [1, 0, 3, 6];
    const xs = draws(N, sampler({ dist: 'categorical', values, weights }, stream('categorical-freq')));
    values.forEach((v, i) => {
      const p = weights[i] / 10;
      const freq = xs.filter((x) => x === v).length / N;
      // Binomial SE sqrt(p(1-p)/n), 4 SE per category; a zero-weight value must never appear.
      if (p === 0) expect(freq).toBe(0);
      else expect(Math.abs(freq - p)).toBeLessThanOrEqual(Z * Math.sqrt((p * (1 - p)) / N));
    });
  });

  it('categoricalIndex: index frequencies follow the weights, zero weights never drawn (first, middle or last)', () => {
    const weights = [0, 0.5, 0, 1.5, 2, 0];
    const total = 4;
    const next = categoricalIndex(weights, stream('categorical-index'));
    const counts = new Array<number>(weights.length).fill(0);
    for (let i = 0; i < N; i++) counts[next()]++;
    weights.forEach((w, i) => {
      const p = w / total;
      // Binomial SE sqrt(p(1-p)/n), 4 SE per index.
      if (p === 0) expect(counts[i]).toBe(0);
      else expect(Math.abs(counts[i] / N - p)).toBeLessThanOrEqual(Z * Math.sqrt((p * (1 - p)) / N));
    });
  });

  it('categoricalIndex always returns the only index of a one-weight list', () => {
    const next = categoricalIndex([3], stream('categorical-one'));
    expect(new Set(draws(100, next))).toEqual(new Set([0]));
  });

  it('bernoulli: frequency of true within 4 SE of p; p = 0 never, p = 1 always', () => {
    const b = bernoulli(stream('bernoulli'));
    let hits = 0;
    for (let i = 0; i < N; i++) if (b(0.3)) hits++;
    // Binomial SE sqrt(p(1-p)/n), 4 SE.
    expect(Math.abs(hits / N - 0.3)).toBeLessThanOrEqual(Z * Math.sqrt((0.3 * 0.7) / N));
    for (let i = 0; i < 1000; i++) {
      expect(b(0)).toBe(false);
      expect(b(1)).toBe(true);
    }
  });

  it('countSampler honours a different mean on every call', () => {
    // Alternating means 2 and 40 on one sampler: each half's mean within 4 SE (SE from the Poisson
    // variance = mean, or the negative binomial m + m²/k).
    for (const k of [undefined, 4]) {
      const count = countSampler(stream(`count-alternating-${k}`), k);
      const half = N / 2;
      let low = 0;
      let high = 0;
      for (let i = 0; i < half; i++) {
        low += count(2);
        high += count(40);
      }
      const varOf = (m: number) => (k === undefined ? m : m + (m * m) / k);
      expect(Math.abs(low / half - 2)).toBeLessThanOrEqual(Z * seMean(varOf(2), half));
      expect(Math.abs(high / half - 40)).toBeLessThanOrEqual(Z * seMean(varOf(40), half));
    }
  });

  it('countSampler returns 0 for a zero or negative mean', () => {
    for (const k of [undefined, 2]) {
      const count = countSampler(stream('count-zero'), k);
      for (let i = 0; i < 100; i++) {
        expect(count(0)).toBe(0);
        expect(count(-1)).toBe(0);
      }
    }
  });

  it('deterministic always returns its value', () => {
    const spec: DistributionSpec = { dist: 'deterministic', value: 4.25 };
    const next = sampler(spec, stream('deterministic'));
    expect(new Set(draws(1000, next))).toEqual(new Set([4.25]));
    expect(distributionMean(spec)).toBe(4.25);
  });

  it('degenerate parameters give constants: exponential mean 0, lognormal sd 0, triangular min = max', () => {
    const constant = (spec: DistributionSpec) => new Set(draws(1000, sampler(spec, stream('degenerate'))));
    expect(constant({ dist: 'exponential', mean: 0 })).toEqual(new Set([0]));
    expect(constant({ dist: 'lognormal', mean: 3, sd: 0 })).toEqual(new Set([3]));
    expect(constant({ dist: 'triangular', min: 2, mode: 2, max: 2 })).toEqual(new Set([2]));
    expect(constant({ dist: 'uniform', min: 1.5, max: 1.5 })).toEqual(new Set([1.5]));
  });

  it('distributionMean: hand values', () => {
    expect(distributionMean({ dist: 'uniform', min: 1, max: 4 })).toBe(2.5);
    expect(distributionMean({ dist: 'exponential', mean: 0.7 })).toBe(0.7);
    expect(distributionMean({ dist: 'lognormal', mean: 5, sd: 9 })).toBe(5);
    expect(distributionMean({ dist: 'triangular', min: 0, mode: 1, max: 8 })).toBe(3);
    expect(distributionMean({ dist: 'poisson', mean: 12 })).toBe(12);
    // Unnormalised weights: (1·1 + 3·3) / 4 = 2.5.
    expect(distributionMean({ dist: 'categorical', values: [1, 3], weights: [1, 3] })).toBe(2.5);
  });
});
