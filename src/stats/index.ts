export { TimeWeighted, type PeriodFigures } from './time-weighted.js';
export { QuantileSketch, RELATIVE_ERROR } from './quantile-sketch.js';
export { estimate, type Estimate } from './confidence.js';
export { leastPassing, type LeastPassing } from './least-passing.js';
export { RunningEstimate, RunningEstimates } from './running-estimate.js';
