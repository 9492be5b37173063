export { TimeWeighted, type PeriodFigures } from './time-weighted.js';
export { QuantileSketch, RELATIVE_ERROR } from './quantile-sketch.js';
export { estimate, type Estimate } from './confidence.js';
