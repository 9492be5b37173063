export { simulate, type SimulateOptions } from './simulation.js';
export { buildNetwork, type Network } from './network.js';
export { ModelContext } from './context.js';
export { InvariantError } from './invariants.js';
export * from './results.js';
