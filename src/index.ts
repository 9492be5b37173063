// The public programmatic API: everything the CLI does, for notebooks and other tools.

export { createCalendar, ENGINE_NAMES, type EngineName, type EventCalendar } from './engine/index.js';
export { RandomStreams } from './random/index.js';
export {
  loadScenario,
  validateScenario,
  loadFacts,
  scenarioJsonSchema,
  ScenarioError,
  type Scenario,
  bundledScenarios,
  bundledScenarioFile,
  type BundledScenario,
} from './scenario/index.js';
export { simulate, InvariantError, type ReplicationResult, type DailyRow, type Metric, type PersonRecord } from './model/index.js';
export {
  replicate,
  runPlan,
  comparePlan,
  sweepPlan,
  runExperiment,
  mergePartials,
  compareVariants,
  type Experiment,
  type ExperimentOutcome,
  size,
  runSize,
  parseSizeRange,
  parseTarget,
  sizeAnswerLine,
  mergeSizePartials,
  type SizeSearch,
  type SizeRange,
  type SizedCandidate,
  type SizeAnswer,
  type SizeOptions,
  type SizeOutcome,
  type Target,
  replicateToPrecision,
  type PrecisionGoal,
  type PrecisionOutcome,
  calibrate,
  runCalibrate,
  calibrationLines,
  type CalibrateOutcome,
  parseFitRange,
  loadCalibrationTargets,
  type CalibrationAnswer,
  type CalibrationTarget,
  type CalibrateOptions,
} from './experiment/index.js';
export { summarize, dailyCsv, summaryCsv, replicationsCsv, type SummaryRow } from './output/index.js';
export { writeReport, ReportInputError, REPORT_FILE } from './output/report/index.js';
