// Tampered shards: one real two-shard run, then one byte, one number or one field of one file of a
// shard changed at random. merge must refuse it (exit 2 naming the shard, nothing written) or, if the
// change touches nothing merge relies on, give exactly the untampered outputs; never exit 0 with
// other figures, never exit 1. Issue 11 item 13 and "Done when".

import fc from 'fast-check';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { mppsim, readOutputs, tempDir } from '../support/cli.js';
import { runTwoShards } from '../support/shards.js';
import { writeSmallScenario } from '../report/small-scenario.js';

let dir = '';
let shards: [string, string] = ['', ''];
let expected = new Map<string, Buffer>();

beforeAll(() => {
  dir = tempDir('mppsim-shard-fuzz-');
  shards = runTwoShards(dir, [writeSmallScenario(dir), '--reps', '3', '--events', '--workers', '1']);
  const merged = join(dir, 'merged');
  expect(mppsim(['merge', ...shards, '--out', merged, '--quiet']).code).toBe(0);
  expected = readOutputs(merged);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Tamper = { kind: 'byte'; at: number; xor: number } | { kind: 'number'; at: number; delta: number } | { kind: 'field'; at: number } | { kind: 'cut'; at: number };

const tamper: fc.Arbitrary<Tamper> = fc.oneof(
  fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('number' as const), at: fc.nat(), delta: fc.constantFrom(1, -1, 7, 0.5, 1e6) }),
  fc.record({ kind: fc.constant('field' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
);

/** The file's bytes after the change; always different from before. */
function tampered(bytes: Buffer, t: Tamper): Buffer {
  const text = bytes.toString('latin1');
  const pick = (pattern: RegExp): RegExpExecArray | undefined => {
    const all = [...text.matchAll(pattern)];
    return all.length > 0 ? all[t.at % all.length] : undefined;
  };
  const splice = (m: RegExpExecArray, replacement: string): Buffer => Buffer.from(text.slice(0, m.index) + replacement + text.slice(m.index + m[0].length), 'latin1');
  if (t.kind === 'number') {
    const m = pick(/-?\d+(\.\d+)?/g);
    if (m) return splice(m, String(Number(m[0]) + t.delta));
  }
  if (t.kind === 'field') {
    // A JSON member, or a CSV cell, removed.
    const m = pick(/"[\w-]+": ?("[^"]*"|-?[\d.e+-]+|null|true|false),?|[^,\n]*,/g);
    if (m && m[0].length > 0) return splice(m, '');
  }
  if (t.kind === 'cut' && bytes.length > 0) return bytes.subarray(0, t.at % bytes.length);
  const copy = Buffer.from(bytes);
  if (copy.length === 0) return Buffer.from('x');
  const at = (t as { at: number }).at % copy.length;
  copy[at] ^= t.kind === 'byte' ? t.xor : 1;
  return copy;
}

describe('merge of tampered shards (fast-check)', () => {
  it('refuses every tampered shard naming it, or gives exactly the untampered outputs', () => {
    const outcomes = { refused: 0, same: 0 };
    let attempt = 0;
    fc.assert(
      fc.property(fc.nat(1), fc.nat(), tamper, (which, fileIndex, t) => {
        // Fresh names each time: fast-check runs a failing case again while shrinking it.
        attempt++;
        const forged = join(dir, `forged-${attempt}`);
        const out = join(dir, `out-${attempt}`);
        cpSync(shards[which], forged, { recursive: true });
        const files = readdirSync(forged).sort();
        const file = join(forged, files[fileIndex % files.length]);
        const before = readFileSync(file);
        const after = tampered(before, t);
        if (after.equals(before)) return;
        onTestFinished(() => [forged, out].forEach((d) => rmSync(d, { recursive: true, force: true })));
        writeFileSync(file, after);
        const parts = which === 0 ? [forged, shards[1]] : [shards[0], forged];
        const run = mppsim(['merge', ...parts, '--out', out, '--quiet']);
        const what = `${files[fileIndex % files.length]} of shard ${which + 1} (${JSON.stringify(t)}): exit ${run.code} ${run.stderr.slice(0, 300)}`;
        if (run.code === 0) {
          expect(readOutputs(out), what).toEqual(expected);
          outcomes.same++;
        } else {
          expect(run.code, what).toBe(2);
          expect(run.stderr, what).toContain(`shard ${forged}`);
          expect(existsSync(out), what).toBe(false);
          outcomes.refused++;
        }
      }),
      { numRuns: Number(process.env.FUZZ_SHARD_RUNS ?? 16), seed: Number(process.env.FUZZ_SEED ?? 20191122) },
    );
    expect(outcomes.refused).toBeGreaterThan(8);
  }, 60_000);
});
