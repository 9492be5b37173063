export { simulate, BorderReturnModel, type SimulateOptions } from './simulation.js';
export { InvariantError } from './invariants.js';
export * from './results.js';
