// Runs each scenario of the comparisons with replications and summarises every compared figure
// across them: the mean, its 95% Student-t interval, the reported value and their ratio.

import { join } from 'node:path';
import { loadFacts, loadScenario, type Fact, type Scenario } from '../scenario/index.js';
import { estimate, type Estimate } from '../stats/index.js';
import type { Comparison, ScenarioComparisons } from './comparisons.js';
import { factNumber } from './comparisons.js';
import { observe } from './observe.js';
import { loadCalibrationTargets } from '../experiment/targets-file.js';

export interface ComparedFigure {
  comparison: Comparison;
  facts: Fact[];
  reported: number;
  /** When the figure was reported as a range. */
  range: readonly [number, number] | null;
  simulated: Estimate;
  ratio: number;
  verdict: Verdict;
  why: string;
}

export type Verdict = 'agrees' | 'lower' | 'higher' | 'calibrated';

export interface ScenarioResult {
  spec: ScenarioComparisons;
  scenario: Scenario;
  replications: number;
  figures: ComparedFigure[];
}

export interface ValidationOptions {
  /** Package root: scenario files are relative to it. */
  root: string;
  replications: number;
  /** Called after each replication, e.g. for progress on stderr. */
  onReplication?: (scenario: string, done: number, total: number) => void;
}

/** Reported figures are rounded ("about", "roughly"): a simulated mean within this share of one agrees with it. */
export const AGREEMENT = 0.1;

export function runValidation(specs: readonly ScenarioComparisons[], options: ValidationOptions): ScenarioResult[] {
  const facts = loadFacts();
  return specs.map((spec) => {
    const scenario = loadScenario(join(options.root, spec.file), facts);
    const targets = spec.targets ? loadCalibrationTargets(join(options.root, spec.targets), facts) : [];
    const comparisons = spec.comparisons(scenario, targets);
    const values = comparisons.map(() => [] as number[]);
    for (let r = 0; r < options.replications; r++) {
      const o = observe(scenario, r);
      comparisons.forEach((c, i) => values[i].push(c.simulated(o)));
      options.onReplication?.(scenario.name, r + 1, options.replications);
    }
    const figures = comparisons.map((comparison, i): ComparedFigure => {
      const range = comparison.reportedRange ? comparison.reportedRange(facts) : null;
      const reported = comparison.target ? comparison.target.value : comparison.reported ? comparison.reported(facts) : range ? (range[0] + range[1]) / 2 : factNumber(facts, comparison.facts[0]);
      const simulated = estimate(values[i]);
      const ratio = simulated.mean / reported;
      const used = comparison.facts.map((id) => facts.get(id) as Fact);
      const calibrated = (comparison.target ? !comparison.target.heldOut : (comparison.calibrationTarget ?? false)) || (comparison.calibrationInput ?? false);
      const verdict = range ? judgeRange(simulated.mean, range, calibrated) : judge(ratio, used[0], calibrated);
      return { comparison, facts: used, reported, range, simulated, ratio, verdict, why: comparison.why({ scenario, simulated: simulated.mean, reported }) };
    });
    return { spec, scenario, replications: options.replications, figures };
  });
}

/** Within AGREEMENT of the reported value, read with its qualifier: "up to" is a maximum, "more than" a minimum. */
export function judge(ratio: number, fact: Fact, calibrationTarget: boolean): Verdict {
  const qualifier = fact.unit.toLowerCase();
  const low = ratio < 1 - AGREEMENT;
  const high = ratio > 1 + AGREEMENT;
  const verdict: Verdict = qualifier.includes('up to') ? (high ? 'higher' : 'agrees') : qualifier.includes('more than') ? (low ? 'lower' : 'agrees') : low ? 'lower' : high ? 'higher' : 'agrees';
  return calibrationTarget && verdict === 'agrees' ? 'calibrated' : verdict;
}

/** Inside a reported range, widened by AGREEMENT at each end; the ratio is to its middle. */
export function judgeRange(mean: number, [low, high]: readonly [number, number], calibrationTarget: boolean): Verdict {
  const verdict: Verdict = mean < low * (1 - AGREEMENT) ? 'lower' : mean > high * (1 + AGREEMENT) ? 'higher' : 'agrees';
  return calibrationTarget && verdict === 'agrees' ? 'calibrated' : verdict;
}
