// `size` from a scenario file to an output folder: reads and checks everything first (the file,
// the range's path, the targets' metrics on one replication), then searches, then writes size.csv
// and scenario.json (the answer's scenario) atomically.

import { loadDocument, validateScenario } from '../scenario/index.js';
import { StagedOutput, sizeCsv } from '../output/index.js';
import type { EngineName } from '../engine/index.js';
import { parseTarget } from './targets.js';
import { parseSizeRange, size, type SizeAnswer } from './size.js';
import { UsageError } from './errors.js';
import { applyOverrides } from './overrides.js';
import { scenarioDigest } from './run-record.js';

export interface SizeOptions {
  vary: string;
  targets: readonly string[];
  out: string;
  force?: boolean;
  replications?: number;
  maxReplications?: number;
  seed?: number;
  warmupDays?: number;
  engine?: EngineName;
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SizeOutcome extends SizeAnswer {
  dir: string;
  files: string[];
}

/** Replications a candidate too close to call may reach, unless --max-reps says otherwise. */
export const DEFAULT_MAX_REPLICATIONS = 100;

export async function runSize(file: string, options: SizeOptions): Promise<SizeOutcome> {
  const document = loadDocument(file);
  const base = validateScenario(document, file);
  const range = parseSizeRange(options.vary);
  const targets = options.targets.map(parseTarget);
  const replications = options.replications ?? Math.max(2, base.replications);
  const maxReplications = options.maxReplications ?? Math.max(replications, DEFAULT_MAX_REPLICATIONS);
  if (maxReplications < replications) throw new UsageError(`--max-reps ${maxReplications}: expected at least --reps (${replications})`);
  const staged = new StagedOutput(options.out, options.force ?? false);
  const startedAt = new Date();
  try {
    const answer = await size(document, file, range, targets, {
      replications,
      maxReplications,
      seed: options.seed ?? base.seed,
      warmupDays: options.warmupDays,
      engine: options.engine,
      workers: options.workers,
      onProgress: options.onProgress,
    });
    const files = ['size.csv'];
    staged.write('size.csv', sizeCsv(range.name, answer.candidates));
    if (answer.answer) {
      // The answer's scenario, as simulated: rerunning it reproduces the answer's figures.
      const chosen = validateScenario(applyOverrides(document, [{ path: range.path, value: answer.answer.value }]), file);
      staged.write('scenario.json', `${JSON.stringify({ ...chosen, seed: options.seed ?? base.seed }, null, 2)}\n`);
      files.push('scenario.json');
    }
    await staged.commit({
      kind: 'size',
      scenarioSha256: scenarioDigest(base),
      vary: range.name,
      targets: targets.map((t) => t.text),
      seed: options.seed ?? base.seed,
      replications,
      maxReplications,
      engine: options.engine ?? 'heap',
      workers: options.workers ?? null,
      commandLine: process.argv.slice(2),
      startedAt: startedAt.toISOString(),
    });
    return { ...answer, dir: staged.target, files };
  } finally {
    staged.abandon();
  }
}
