export { replicate, type ReplicateOptions } from './replicate.js';
export { allUnits, shardUnits, parseShard, type Experiment, type Variant, type Unit, type Shard } from './design.js';
export { execute, defaultWorkers, type UnitResult } from './execute.js';
export { runExperiment, mergePartials, type ExperimentOutcome, type ExperimentRunOptions } from './run-experiment.js';
export { runPlan, comparePlan, sweepPlan, parseVariant, type CommonSettings, type SweepSettings } from './plans.js';
export { compareVariants, type ComparisonRow } from './paired.js';
export { UsageError } from './errors.js';
export { checkLimits, expectedPeople, DEFAULT_LIMITS, LimitError, type Limits } from './limits.js';
