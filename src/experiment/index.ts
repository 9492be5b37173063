export { replicate, type ReplicateOptions } from './replicate.js';
export { allUnits, shardUnits, parseShard, type Experiment, type Variant, type Unit, type Shard } from './design.js';
export { execute, type UnitResult } from './execute.js';
export { openThreads, type ReplicationThreads } from './threads.js';
export { defaultWorkers, threadsFor, PEOPLE_PER_THREAD } from './thread-count.js';
export { runExperiment, runningThreads, type ExperimentOutcome, type ExperimentRunOptions } from './run-experiment.js';
export { mergePartials } from './merge.js';
export { runPlan, comparePlan, sweepPlan, parseVariant, type CommonSettings, type CompareSettings, type SweepSettings } from './plans.js';
export { compareVariants, type ComparisonRow } from './paired.js';
export { UsageError } from './errors.js';
export { checkLimits, checkUnits, expectedPeople, DEFAULT_LIMITS, LimitError, type Limits } from './limits.js';
export { withArrivalScale } from './scaled-arrivals.js';
export { eventsSizeNote, expectedEventsBytes, EVENTS_BYTES_PER_PERSON } from './events-size.js';
export { editedScenario } from './edited-scenario.js';
export { runRecord, scenarioDigest, MPPSIM_VERSION } from './run-record.js';
export { parseTarget, judge, oneSidedBounds, targetValue, type Target, type TargetJudgement, type Verdict } from './targets.js';
export { size, parseSizeRange, sizeAnswerLine, SIZE_SEARCHES, SHARD_NEEDS_GRID, type SizeAnswer, type SizeRange, type SizedCandidate, type SizeSearch } from './size.js';
export { mergeSizePartials } from './size-merge.js';
export { isSizePartial } from './size-partial.js';
export { runSize, DEFAULT_MAX_REPLICATIONS, type SizeOptions, type SizeOutcome } from './size-run.js';
export { CandidatePool, type Candidate } from './candidates.js';
export {
  replicateToPrecision,
  figureWidths,
  precisionLine,
  DEFAULT_PRECISION_BATCH,
  DEFAULT_PRECISION_MAX_REPLICATIONS,
  type PrecisionGoal,
  type PrecisionOutcome,
  type FigureWidth,
} from './precision.js';
export { calibrate, parseFitRange, type CalibrationAnswer, type FitRange, type FittedParameter, type TargetFit, type CalibrateSettings } from './calibrate.js';
export { loadCalibrationTargets, targetLabel, type CalibrationTarget } from './calibration-targets.js';
export { runCalibrate, calibrationLines, DEFAULT_CALIBRATE_GRID, DEFAULT_CALIBRATE_ROUNDS, type CalibrateOptions, type CalibrateOutcome } from './calibrate-run.js';
