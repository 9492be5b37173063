// Samplers for the distributions a scenario may name, each drawing from one named stream.
// Poisson, normal, gamma and exponential come from d3-random (given our stream as its source);
// triangular, categorical and the gamma-Poisson negative binomial are a few lines each.

import { randomExponential, randomGamma, randomNormal, randomPoisson, randomUniform } from 'd3-random';
import type { Uniform01 } from './streams.js';

/** A continuous or discrete distribution of a non-negative quantity (hours, minutes, people). */
export type DistributionSpec =
  | { dist: 'deterministic'; value: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'exponential'; mean: number }
  | { dist: 'lognormal'; mean: number; sd: number }
  | { dist: 'triangular'; min: number; mode: number; max: number }
  | { dist: 'poisson'; mean: number }
  | { dist: 'categorical'; values: number[]; weights: number[] };

export type Sampler = () => number;

export function sampler(spec: DistributionSpec, source: Uniform01): Sampler {
  switch (spec.dist) {
    case 'deterministic': {
      const value = spec.value;
      return () => value;
    }
    case 'uniform':
      return randomUniform.source(source)(spec.min, spec.max);
    case 'exponential':
      return spec.mean === 0 ? () => 0 : randomExponential.source(source)(1 / spec.mean);
    case 'lognormal':
      return lognormalSampler(spec.mean, spec.sd, source);
    case 'triangular':
      return triangularSampler(spec.min, spec.mode, spec.max, source);
    case 'poisson':
      return randomPoisson.source(source)(spec.mean);
    case 'categorical':
      return categoricalSampler(spec.values, spec.weights, source);
  }
}

/** The mean of a distribution: used to estimate run sizes and to explain scenarios. */
export function distributionMean(spec: DistributionSpec): number {
  switch (spec.dist) {
    case 'deterministic':
      return spec.value;
    case 'uniform':
      return (spec.min + spec.max) / 2;
    case 'exponential':
    case 'lognormal':
    case 'poisson':
      return spec.mean;
    case 'triangular':
      return (spec.min + spec.mode + spec.max) / 3;
    case 'categorical': {
      const total = spec.weights.reduce((a, b) => a + b, 0);
      return spec.values.reduce((sum, v, i) => sum + (v * spec.weights[i]) / total, 0);
    }
  }
}

/** Parameterised by the distribution's own mean and sd, as analysts report times, not by log-scale parameters. */
function lognormalSampler(mean: number, sd: number, source: Uniform01): Sampler {
  if (sd === 0) return () => mean;
  const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
  const mu = Math.log(mean) - sigma2 / 2;
  const normal = randomNormal.source(source)(mu, Math.sqrt(sigma2));
  return () => Math.exp(normal());
}

function triangularSampler(min: number, mode: number, max: number, source: Uniform01): Sampler {
  const range = max - min;
  if (range === 0) return () => min;
  const cut = (mode - min) / range;
  return () => {
    const u = source();
    return u < cut ? min + Math.sqrt(u * range * (mode - min)) : max - Math.sqrt((1 - u) * range * (max - mode));
  };
}

/** Inversion on the cumulative weights, returning the value itself: one call per draw. */
function categoricalSampler(values: readonly number[], weights: readonly number[], source: Uniform01): Sampler {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += w;
    cumulative[i] = total;
  });
  const last = weights.length - 1;
  return () => {
    const u = source() * total;
    for (let i = 0; i < last; i++) if (u < cumulative[i]) return values[i];
    return values[last];
  };
}

/** Draws an index with probability proportional to its weight (inversion on the cumulative weights). */
export function categoricalIndex(weights: readonly number[], source: Uniform01): () => number {
  return categoricalSampler(weights.map((_, i) => i), weights, source);
}

/** A count with this mean: Poisson, or negative binomial (gamma-Poisson mixture) when `dispersion` k is given; variance mean + mean²/k. */
export function countSampler(source: Uniform01, dispersion?: number): (mean: number) => number {
  const poisson = randomPoisson.source(source);
  if (dispersion === undefined) return (mean) => (mean > 0 ? poisson(mean)() : 0);
  const gamma = randomGamma.source(source);
  return (mean) => (mean > 0 ? poisson(gamma(dispersion, mean / dispersion)())() : 0);
}

/** True with probability p. */
export function bernoulli(source: Uniform01): (p: number) => boolean {
  return (p) => source() < p;
}
