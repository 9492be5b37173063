// manifest.json's digests (output/manifest.ts): a file written through StagedOutput is hashed as it is
// written; the manifest must still be the digest of what the folder holds.

import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StagedOutput } from '../../src/output/index.js';
import { manifestOf } from '../../src/output/manifest.js';
import { tempDir } from '../support/cli.js';

const dir = tempDir('mppsim-manifest-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const digest = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('manifest digests', () => {
  it('of files written in pieces or as text are those of the files on disk', async () => {
    const staged = new StagedOutput(join(dir, 'out'), false);
    staged.write('a.csv', [new TextEncoder().encode('x,y\n'), new TextEncoder().encode('1,2\n')]);
    staged.write('b.txt', 'héllo\n');
    writeFileSync(staged.path('c.csv'), 'written by a stream\n');
    await staged.commit({});
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as { files: Record<string, string> };
    expect(manifest.files).toEqual({ 'a.csv': digest(join(dir, 'out', 'a.csv')), 'b.txt': digest(join(dir, 'out', 'b.txt')), 'c.csv': digest(join(dir, 'out', 'c.csv')) });
  });

  it('are read again from a file no longer of the length written', async () => {
    const folder = join(dir, 'raw');
    const staged = new StagedOutput(folder, false);
    staged.write('a.csv', 'one\n');
    appendFileSync(staged.path('a.csv'), 'two\n');
    const stale = new Map([['a.csv', { sha256: 'not-this', bytes: 4 }]]);
    expect((await manifestOf(staged.staging, {}, stale)).files['a.csv']).toBe(digest(staged.path('a.csv')));
    staged.abandon();
  });
});
