// The shape of one validation row and of a scenario's rows: shared by the comparisons and their readings.

import type { Fact, Scenario } from '../scenario/index.js';
import type { Observation } from './observe.js';
import type { CalibrationTarget } from '../experiment/targets-file.js';

export interface Comparison {
  /** The figure, as a reader would name it. */
  figure: string;
  /** The facts the reported value comes from (their sources are cited in the table). */
  facts: readonly string[];
  /** The reported value; by default the first fact's value (the middle of reportedRange, when given). */
  reported?: (facts: ReadonlyMap<string, Fact>) => number;
  /** A figure reported as a range ("2-4 months"): a simulated mean inside it (widened by AGREEMENT) agrees. */
  reportedRange?: (facts: ReadonlyMap<string, Fact>) => readonly [number, number];
  /** The same figure in one replication. */
  simulated: (o: Observation) => number;
  /** Decimals shown for the simulated figure. */
  decimals: number;
  /** The scenario's parameters were set from this figure, so agreement is by construction. */
  calibrationTarget?: boolean;
  /** The scenario reads this figure (or the count it was reported from) as an input: agreement is by construction. */
  calibrationInput?: boolean;
  /** A row read from the scenario's targets file: its figure fitted by `mppsim calibrate`, or held out of the fit (heldOut). */
  target?: CalibrationTarget;
  /** Why the model and the report differ, in a sentence; shown only when they do. */
  why: (context: WhyContext) => string;
}

export interface WhyContext {
  scenario: Scenario;
  simulated: number;
  reported: number;
}

export interface ScenarioComparisons {
  /** Scenario file, relative to the package root. */
  file: string;
  heading: string;
  /** What the scenario is and how to read its rows, in a paragraph. */
  about: string;
  /** The targets file the scenario was calibrated to, relative to the package root: its rows lead the table, and the fit is shown apart. */
  targets?: string;
  comparisons: (scenario: Scenario, targets: readonly CalibrationTarget[]) => Comparison[];
}
