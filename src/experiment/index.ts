export { replicate, type ReplicateOptions } from './replicate.js';
export { runToDirectory, type RunOptions, type RunOutcome } from './run-to-directory.js';
