// `size` from a scenario file to an output folder: reads and checks everything first (the file,
// the range's path, the targets' metrics on one replication), then searches, then writes size.csv
// and scenario.json (the answer's scenario) atomically, or with a shard its partial result.

import { StagedOutput, sizeCsv } from '../output/index.js';
import { loadDocument, validateScenario } from '../scenario/index.js';
import type { Shard } from './design.js';
import { UsageError } from './errors.js';
import { applyOverrides } from './overrides.js';
import { writeExtras } from './extras.js';
import { searchRecord, searchSettings, type SearchRunOptions } from './search-run.js';
import { checkShardDesign, rangeText, sizePartialFiles, type SizeDesign } from './size-partial.js';
import { parseSizeRange, size, type SizeAnswer, type SizeSearch } from './size.js';
import { parseTarget } from './targets.js';

export interface SizeOptions extends SearchRunOptions {
  vary: string;
  targets: readonly string[];
  maxReplications?: number;
  /** 'bisect' (default) or 'grid': every value of the range, which `shard` can split. */
  search?: SizeSearch;
  /** With search 'grid': only this shard's values, written as a partial result for mergeSizePartials. */
  shard?: Shard;
  /** Also write report.html: each target against the parameter. */
  report?: boolean;
}

export interface SizeOutcome extends SizeAnswer {
  dir: string;
  files: string[];
  /** A shard's partial result: its answer is only that of its own values. */
  partial: boolean;
}

/** Replications a candidate too close to call may reach, unless --max-reps says otherwise. */
export const DEFAULT_MAX_REPLICATIONS = 100;

/** `mppsim size`: parses `vary` and `targets`, searches (size), and writes size.csv and the answer's scenario.json into `options.out` (with `shard`, partial.json). */
export async function runSize(file: string, options: SizeOptions): Promise<SizeOutcome> {
  const document = loadDocument(file);
  const base = validateScenario(document, file);
  const range = parseSizeRange(options.vary);
  const targets = options.targets.map(parseTarget);
  const settings = searchSettings(base, options);
  const { replications, seed } = settings;
  const maxReplications = options.maxReplications ?? Math.max(replications, DEFAULT_MAX_REPLICATIONS);
  if (maxReplications < replications) throw new UsageError(`--max-reps ${maxReplications}: expected at least --reps (${replications})`);
  if (options.shard && options.report) throw new UsageError('--report: a shard holds part of the answer; write the report with `mppsim merge --report`');
  const design: SizeDesign = { document, vary: rangeText(range), targets: targets.map((t) => t.text), replications, maxReplications, seed, warmupDays: settings.warmupDays ?? null, engine: settings.engine ?? 'heap' };
  if (options.shard) checkShardDesign(design);
  const staged = new StagedOutput(options.out, options.force ?? false);
  const startedAt = new Date();
  try {
    const answer = await size(document, file, range, targets, { ...settings, maxReplications, search: options.search, shard: options.shard });
    let files: string[];
    if (options.shard) {
      files = writeFiles(staged, sizePartialFiles(design, options.shard, answer.candidates));
    } else {
      files = await writeSizeAnswer(staged, document, file, answer, { seed, report: options.report });
    }
    const asked = { vary: range.name, targets: targets.map((t) => t.text), maxReplications, search: options.search ?? 'bisect', shard: options.shard ?? null };
    await staged.commit(searchRecord('size', base, asked, options, startedAt));
    return { ...answer, dir: staged.target, files, partial: options.shard !== undefined };
  } finally {
    staged.abandon();
  }
}

function writeFiles(staged: StagedOutput, files: Record<string, string>): string[] {
  for (const [name, text] of Object.entries(files)) staged.write(name, text);
  return Object.keys(files);
}

/** size.csv, the answer's scenario.json and (asked for) report.html: what a search on one machine and a merge of its shards both write. */
export async function writeSizeAnswer(staged: StagedOutput, document: unknown, file: string, answer: SizeAnswer, o: { seed: number; report?: boolean }): Promise<string[]> {
  const files = writeFiles(staged, { 'size.csv': sizeCsv(answer.range.name, answer.candidates) });
  if (answer.answer) {
    // The answer's scenario, as simulated: rerunning it reproduces the answer's figures.
    const chosen = validateScenario(applyOverrides(document, [{ path: answer.range.path, value: answer.answer.value }]), file);
    files.push(...writeFiles(staged, { 'scenario.json': `${JSON.stringify({ ...chosen, seed: o.seed }, null, 2)}\n` }));
  }
  await writeExtras(staged, files, { report: o.report });
  return files;
}
