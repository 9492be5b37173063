// --scale-arrivals K: every variant of an experiment with its arrival rates times K, after the
// plan (so the reference and every variant or sweep point are scaled alike, and paired as before).

import { arrivalScaleEdits, scaleArrivals } from '../scenario/index.js';
import type { Experiment } from './design.js';
import { UsageError } from './errors.js';

export function withArrivalScale(experiment: Experiment, factor: number | undefined): Experiment {
  if (factor === undefined || factor === 1) return experiment;
  if (!(Number.isFinite(factor) && factor >= 0)) throw new UsageError(`--scale-arrivals: expected a number of at least 0 (1 = as published), got ${factor}`);
  const variants = experiment.variants.map((v) => {
    // A factor near the largest number makes a rate infinite, which no scenario file could say.
    if (arrivalScaleEdits(v.scenario, factor).some((e) => !Number.isFinite(e.value))) {
      throw new UsageError(`--scale-arrivals: ${factor} makes an arrival rate of ${v.name} too large to represent`);
    }
    return { ...v, scenario: scaleArrivals(v.scenario, factor) };
  });
  return { ...experiment, variants };
}
