// `merge` of the shards of `size --search grid --shard i/n`: every value's figures back together,
// judged and written by the code a one-machine `size --search grid` uses, so size.csv, scenario.json
// and the answer are the same bytes.

import { StagedOutput } from '../output/index.js';
import { validateScenario } from '../scenario/index.js';
import { checkShardSet } from './partials.js';
import { searchRecord } from './search-run.js';
import { sizeAnswerOf } from './size-answer.js';
import { readSizePartial, type SizePartial } from './size-partial.js';
import { writeSizeAnswer, type SizeOutcome } from './size-run.js';

/**
 * Combines the partial folders of every shard of one `size --search grid` into `options.out`: the
 * bytes the unsharded search writes. Refuses (UsageError) shards that are missing, repeated, edited
 * or of different searches.
 */
export async function mergeSizePartials(dirs: readonly string[], options: { out: string; force?: boolean; report?: boolean }): Promise<SizeOutcome> {
  const startedAt = new Date();
  const partials: SizePartial[] = [];
  for (const dir of dirs) partials.push(await readSizePartial(dir));
  checkShardSet(partials);
  const { design, range, targets } = partials[0];
  const candidates = partials.flatMap((p) => p.candidates);
  const replications = candidates.reduce((sum, c) => sum + c.replications, 0);
  const answer = sizeAnswerOf(range, targets, candidates, replications);
  const label = `${partials[0].dir} (design.document)`;
  const base = validateScenario(design.document, label);
  const staged = new StagedOutput(options.out, options.force ?? false);
  try {
    const files = await writeSizeAnswer(staged, design.document, label, answer, { seed: design.seed, report: options.report });
    const settings = { out: options.out, replications: design.replications, seed: design.seed, warmupDays: design.warmupDays ?? undefined, engine: design.engine };
    const asked = { vary: range.name, targets: design.targets, maxReplications: design.maxReplications, search: 'grid', shard: null, mergedFrom: partials.length };
    await staged.commit(searchRecord('size', base, asked, settings, startedAt));
    return { ...answer, dir: staged.target, files, partial: false };
  } finally {
    staged.abandon();
  }
}
