// Special files where mppsim expects a regular one: an arbitrary command and an arbitrary place (the
// scenario itself, a file of a run folder or of a shard) holding a named pipe, a folder, /dev/zero or
// /dev/null. Each is exit 2 naming the file within a few seconds, nothing written; reading one would
// never end. Issue 11 item 11 and "Done when".

import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mppsim, tempDir } from '../support/cli.js';
import { runTwoShards } from '../support/shards.js';
import { writeSmallScenario } from '../support/small-scenario.js';

type Special = 'fifo' | 'folder' | '/dev/zero' | '/dev/null';
// The report of a run folder draws on every file but daily-mean.csv; one it never opens cannot hang it.
const UNREAD_BY_REPORT = new Set(['daily-mean.csv']);
type Command = 'validate' | 'run' | 'report' | 'merge';

let base = '';
let runFolder = '';
let shards: [string, string] = ['', ''];

beforeAll(() => {
  base = tempDir('mppsim-special-fuzz-');
  const scenario = writeSmallScenario(base, 'small');
  runFolder = join(base, 'run');
  expect(mppsim(['run', scenario, '--reps', '2', '--events', '--out', runFolder, '--quiet']).code).toBe(0);
  shards = runTwoShards(base, [scenario, '--reps', '2', '--events', '--workers', '1']);
});

/** Puts the special file at `path` (which must not exist); a device is linked, as a user's folder could hold it. */
function makeSpecial(path: string, special: Special): void {
  if (special === 'fifo') execFileSync('mkfifo', [path]);
  else if (special === 'folder') mkdirSync(path);
  else symlinkSync(special, path);
}

/** The arguments, and what the message must name; the case's folder `dir` is fresh and empty. */
function arrange(dir: string, command: Command, special: Special, fileIndex: number, shardIndex: number): { args: string[]; named: string[]; unread?: boolean } {
  const out = join(dir, 'out');
  if (command === 'validate' || command === 'run') {
    // A device is named as itself; a pipe or a folder is made where the scenario file would be.
    const scenario = special.startsWith('/dev/') ? special : join(dir, 'scenario.yaml');
    if (!special.startsWith('/dev/')) makeSpecial(scenario, special);
    return { args: command === 'run' ? ['run', scenario, '--out', out, '--quiet'] : ['validate', scenario], named: [`${scenario}: is a`] };
  }
  const source = command === 'report' ? runFolder : shards[shardIndex];
  const folder = join(dir, command === 'report' ? 'run' : `p${shardIndex + 1}`);
  cpSync(source, folder, { recursive: true });
  const files = readdirSync(folder).sort();
  const file = files[fileIndex % files.length];
  rmSync(join(folder, file));
  makeSpecial(join(folder, file), special);
  if (command === 'report') return { args: ['report', folder], named: [join(folder, file)], unread: UNREAD_BY_REPORT.has(file) };
  const other = shards[1 - shardIndex];
  const parts = shardIndex === 0 ? [folder, other] : [other, folder];
  return { args: ['merge', ...parts, '--out', out, '--quiet'], named: [`shard ${folder}`, file] };
}

/** Every name under `dir`, recursively, with the kind of each: what must not change. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => `${join(e.parentPath, e.name)} ${e.isFIFO() ? 'fifo' : e.isDirectory() ? 'dir' : e.isSymbolicLink() ? 'link' : 'file'}`)
    .sort();
}

describe('special files in place of regular ones (fast-check)', () => {
  it('every command refuses them fast with exit 2, naming the file, writing nothing', () => {
    const seen = new Set<string>();
    let attempt = 0;
    fc.assert(
      fc.property(
        fc.constantFrom<Command>('validate', 'run', 'report', 'merge'),
        fc.constantFrom<Special>('fifo', 'folder', '/dev/zero', '/dev/null'),
        fc.nat(),
        fc.nat(1),
        (command, special, fileIndex, shardIndex) => {
          // Fresh folders each time: fast-check runs a failing case again while shrinking it.
          const dir = join(base, `case-${++attempt}`);
          mkdirSync(dir);
          const { args, named, unread } = arrange(dir, command, special, fileIndex, shardIndex);
          const before = listing(dir);
          // A command that opened the pipe or device would wait forever: killed at 30 s, its code is
          // -1 and fails the checks below, so no elapsed time is asserted (that failed under load).
          const run = mppsim(args, dir, 30_000);
          const what = `${args.join(' ')} (${special}): exit ${run.code}: ${run.stderr.slice(0, 300)}`;
          if (unread) {
            // Not refused, and not a hang: the report is written beside the file it left alone.
            expect(run.code, what).toBe(0);
            expect(existsSync(join(dir, 'run', 'report.html')), what).toBe(true);
            rmSync(dir, { recursive: true, force: true });
            return;
          }
          expect(run.code, what).toBe(2);
          for (const name of named) expect(run.stderr, what).toContain(name);
          expect(run.stderr, what).toMatch(/not a regular file/);
          expect(run.stderr, what).not.toMatch(/internal error|\n\s+at /);
          expect(existsSync(join(dir, 'out')), what).toBe(false);
          expect(listing(dir), what).toEqual(before);
          seen.add(command);
          rmSync(dir, { recursive: true, force: true });
        },
      ),
      { numRuns: Number(process.env.FUZZ_SPECIAL_RUNS ?? 24), seed: Number(process.env.FUZZ_SEED ?? 20191129) },
    );
    expect(seen.size).toBe(4);
  }, 60_000);
});
