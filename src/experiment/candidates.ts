// Candidate scenarios of a search (size, calibrate): one scenario document with some paths set to
// trial values. Every candidate is replicated with the same seed, so replication r of each one
// draws the same people (common random numbers), and a candidate's replications are run only
// once, in batches, on worker threads kept open for the whole search; what was run is kept for the output.

import type { EngineName } from '../engine/index.js';
import type { ReplicationResult } from '../model/index.js';
import { validateScenario, type Scenario } from '../scenario/index.js';
import { harmonise, type Experiment, type Unit } from './design.js';
import { execute } from './execute.js';
import { openThreads, type ReplicationThreads } from './threads.js';
import { applyOverrides, type Override } from './overrides.js';

export interface CandidateSettings {
  seed: number;
  warmupDays?: number;
  engine?: EngineName;
  workers?: number;
  /** Called per finished replication with the search's replications so far and its expected total
   * (`expectedReplications`, raised when the search runs more than expected). */
  onProgress?: (done: number, total: number) => void;
  /** What the search expects to run in all: the progress bar's total, not a limit. */
  expectedReplications?: number;
}

export interface Candidate {
  /** Values in the order of the pool's paths. */
  values: number[];
  scenario: Scenario;
  results: ReplicationResult[];
}

export class CandidatePool {
  private readonly byKey = new Map<string, Candidate>();
  /** Candidates in the order they were first asked for. */
  readonly tried: Candidate[] = [];
  replicationsRun = 0;
  private threads: ReplicationThreads | undefined;

  constructor(
    private readonly document: unknown,
    private readonly file: string,
    private readonly paths: readonly string[][],
    private readonly settings: CandidateSettings,
  ) {}

  candidate(values: readonly number[]): Candidate {
    const key = values.join(',');
    let found = this.byKey.get(key);
    if (!found) {
      const overrides: Override[] = this.paths.map((path, k) => ({ path, value: values[k] }));
      const label = this.paths.map((p, k) => `${p.join('.')}=${values[k]}`).join(', ');
      const scenario = validateScenario(applyOverrides(this.document, overrides), `${this.file} (${label})`);
      found = { values: [...values], scenario: harmonise(scenario, { seed: this.settings.seed, replications: 1, warmupDays: this.settings.warmupDays }), results: [] };
      this.byKey.set(key, found);
      this.tried.push(found);
    }
    return found;
  }

  /** Runs replications until each candidate has at least `replications`, all candidates together. */
  async ensure(candidates: readonly Candidate[], replications: number): Promise<void> {
    const wanted = [...new Set(candidates)].filter((c) => c.results.length < replications);
    if (wanted.length === 0) return;
    const experiment: Experiment = {
      kind: 'sweep',
      variants: wanted.map((c, i) => ({ name: `candidate-${i}`, scenario: c.scenario })),
      replications,
      engine: this.settings.engine ?? 'heap',
      events: false,
      parameters: [],
    };
    const units: Unit[] = [];
    wanted.forEach((c, variant) => {
      for (let replication = c.results.length; replication < replications; replication++) units.push({ variant, replication });
    });
    this.threads ??= openThreads(this.settings.workers);
    const before = this.replicationsRun;
    const total = Math.max(this.settings.expectedReplications ?? 0, before + units.length);
    const report = this.settings.onProgress;
    const onProgress = report ? (done: number): void => report(before + done, total) : undefined;
    const done = await execute(experiment, units, { workers: this.settings.workers, threads: this.threads, onProgress });
    for (const unit of done) wanted[unit.variant].results[unit.replication] = unit.result;
    this.replicationsRun += units.length;
  }

  /** Stops the worker threads kept open between batches; call when the search is over. */
  async close(): Promise<void> {
    await this.threads?.close();
    this.threads = undefined;
  }
}
