// `size` from a scenario file to an output folder: reads and checks everything first (the file,
// the range's path, the targets' metrics on one replication), then searches, then writes size.csv
// and scenario.json (the answer's scenario) atomically.

import { loadDocument, validateScenario } from '../scenario/index.js';
import { StagedOutput, sizeCsv } from '../output/index.js';
import { parseTarget } from './targets.js';
import { parseSizeRange, size, type SizeAnswer } from './size.js';
import { UsageError } from './errors.js';
import { applyOverrides } from './overrides.js';
import { searchRecord, searchSettings, type SearchRunOptions } from './search-run.js';

export interface SizeOptions extends SearchRunOptions {
  vary: string;
  targets: readonly string[];
  maxReplications?: number;
}

export interface SizeOutcome extends SizeAnswer {
  dir: string;
  files: string[];
}

/** Replications a candidate too close to call may reach, unless --max-reps says otherwise. */
export const DEFAULT_MAX_REPLICATIONS = 100;

/** `mppsim size`: parses `vary` and `targets`, searches (size), and writes size.csv and the answer's scenario.json into `options.out`. */
export async function runSize(file: string, options: SizeOptions): Promise<SizeOutcome> {
  const document = loadDocument(file);
  const base = validateScenario(document, file);
  const range = parseSizeRange(options.vary);
  const targets = options.targets.map(parseTarget);
  const settings = searchSettings(base, options);
  const { replications, seed } = settings;
  const maxReplications = options.maxReplications ?? Math.max(replications, DEFAULT_MAX_REPLICATIONS);
  if (maxReplications < replications) throw new UsageError(`--max-reps ${maxReplications}: expected at least --reps (${replications})`);
  const staged = new StagedOutput(options.out, options.force ?? false);
  const startedAt = new Date();
  try {
    const answer = await size(document, file, range, targets, { ...settings, maxReplications });
    const files = ['size.csv'];
    staged.write('size.csv', sizeCsv(range.name, answer.candidates));
    if (answer.answer) {
      // The answer's scenario, as simulated: rerunning it reproduces the answer's figures.
      const chosen = validateScenario(applyOverrides(document, [{ path: range.path, value: answer.answer.value }]), file);
      staged.write('scenario.json', `${JSON.stringify({ ...chosen, seed }, null, 2)}\n`);
      files.push('scenario.json');
    }
    await staged.commit(searchRecord('size', base, { vary: range.name, targets: targets.map((t) => t.text), maxReplications }, options, startedAt));
    return { ...answer, dir: staged.target, files };
  } finally {
    staged.abandon();
  }
}
