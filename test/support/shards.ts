// A real experiment split into two --shard runs, and a way to re-sign a shard after editing it (as
// a forger would: manifest.json's digests recomputed), for the merge tests.

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mppsim } from './cli.js';

/** Runs shards 1/2 and 2/2 of `args` (a scenario and options) into dir/p1 and dir/p2; returns their paths. */
export function runTwoShards(dir: string, args: readonly string[]): [string, string] {
  const parts = [join(dir, 'p1'), join(dir, 'p2')] as [string, string];
  parts.forEach((out, i) => {
    const run = mppsim(['run', ...args, '--shard', `${i + 1}/2`, '--out', out, '--quiet']);
    if (run.code !== 0) throw new Error(`shard ${i + 1}/2 failed: ${run.stderr}`);
  });
  return parts;
}

/** Recomputes the sha256 of every file that manifest.json lists, so that only the content checks can tell an edit. */
export function resign(shard: string): void {
  const file = join(shard, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { files: Record<string, string> };
  for (const name of readdirSync(shard).filter((f) => f !== 'manifest.json')) {
    manifest.files[name] = createHash('sha256').update(readFileSync(join(shard, name))).digest('hex');
  }
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}
