// Hostile inputs and interruptions at the command line: exit 2 with a clear message, nothing
// written, never a stack trace; Ctrl-C leaves nothing behind; CSV cells never run as formulas.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/output/index.js';
import { ROOT, mppsim, tempDir } from '../support/cli.js';

const DEL_RIO = join(ROOT, 'scenarios/del-rio-cap.yaml');

function billionLaughs(): string {
  let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let previous = 'a';
  for (let i = 0; i < 9; i++) {
    text += `l${i}: &l${i} [${Array(9).fill(`*${previous}`).join(',')}]\n`;
    previous = `l${i}`;
  }
  return text;
}

describe('hostile scenario files', () => {
  const cases: [string, () => string | Buffer, RegExp][] = [
    ['an empty file', () => '', /expected a mapping of scenario fields, got null/],
    ['a 50 MB file', () => Buffer.alloc(50 * 1024 * 1024, 'a: 1\n'), /is 50\.0 MB; expected a scenario file of at most 5 MB/],
    ['bytes that are not UTF-8', () => Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xff, 0xfe, 0xc3, 0x28]), /expected UTF-8 text/],
    ['an alias bomb (billion laughs)', billionLaughs, /resource exhaustion|could not be read/],
    ['deep nesting', () => `${'['.repeat(200_000)}${']'.repeat(200_000)}`, /nested too deeply|not valid YAML|could not be read|expected a mapping/],
    ['a custom tag', () => 'name: !!js/function "function () { return 1 }"\n', /custom YAML tags are not allowed/],
    ['NaN and Infinity spelled in YAML', () => readFileSync(DEL_RIO, 'utf8').replace(/dailyCap: 50/, 'dailyCap: .nan').replace(/holdingCapacity: \d+/, 'holdingCapacity: .inf'), /holdingCapacity: expected a number, got Infinity\n.*dailyCap: expected a number, got NaN/],
  ];

  it.each(cases)('%s: exit 2, a clear message, nothing written', (_, content, message) => {
    const dir = tempDir();
    const file = join(dir, 'hostile.yaml');
    writeFileSync(file, content());
    const started = Date.now();
    const run = mppsim(['run', file, '--out', join(dir, 'out')]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}: `);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual(['hostile.yaml']);
  });

  it('an experiment over the size limits is refused before it starts, with the estimate', () => {
    const dir = tempDir();
    const run = mppsim(['run', join(ROOT, 'scenarios/southwest-border-fy2019.yaml'), '--reps', '500', '--out', join(dir, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/about \d+\.\d million people .* the limit is 100\.0 million/);
    expect(run.stderr).toContain('--allow-large');
    expect(readdirSync(dir)).toEqual([]);
    expect(mppsim(['run', DEL_RIO, '--max-days', '30', '--out', join(dir, 'o')]).stderr).toMatch(/a horizon of 92 days; the limit is 30 days/);
  });
});

describe('outputs are safe', () => {
  it('Ctrl-C mid-run exits 130 and leaves nothing; SIGTERM exits 143', async () => {
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      const dir = tempDir();
      const child = spawn(process.execPath, [join(ROOT, 'bin/mppsim.js'), 'run', join(ROOT, 'scenarios/southwest-border-fy2019.yaml'), '--reps', '50', '--workers', '1', '--out', join(dir, 'out')], { env: { ...process.env, CI: 'true' } });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      // Wait until the run has started writing (its temporary folder exists), then interrupt it.
      while (!readdirSync(dir).some((f) => f.startsWith('.tmp-'))) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 300));
      child.kill(signal);
      const exit = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(exit).toBe(code);
      expect(stderr).toContain('interrupted');
      expect(readdirSync(dir)).toEqual([]);
    }
  });

  it('never writes through a symbolic link, and --force never replaces a folder of other files', () => {
    const dir = tempDir();
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'precious.txt'), 'keep me');
    symlinkSync(elsewhere, join(dir, 'link'));
    const viaLink = mppsim(['run', DEL_RIO, '--out', join(dir, 'link'), '--force']);
    expect(viaLink.code).toBe(2);
    expect(viaLink.stderr).toContain('is a symbolic link');
    const overOthers = mppsim(['run', DEL_RIO, '--out', elsewhere, '--force']);
    expect(overOthers.code).toBe(2);
    expect(overOthers.stderr).toContain('was not written by mppsim (it has no manifest.json)');
    expect(readdirSync(elsewhere)).toEqual(['precious.txt']);
    expect(existsSync(join(dir, 'link'))).toBe(true);
  });
});

describe('CSV for spreadsheets', () => {
  it('escapes text cells that a spreadsheet would run as formulas, and leaves numbers as numbers', () => {
    const text = toCsv(['id', 'value'], [['=HYPERLINK("x")', -5], ['+1', 1.5e-7], ['-2', 3], ['@SUM(A1)', 1e21 - 1], ['\tx', 0], ['\rx', null]]);
    const lines = text.trim().split('\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",-5`);
    expect(lines[2]).toBe("'+1,0");
    expect(lines[3]).toBe("'-2,3");
    expect(lines[4]).toMatch(/^'@SUM\(A1\),\d+$/);
    expect(lines[5]).toBe("'\tx,0");
    expect(text).not.toMatch(/e[+-]\d/);
  });
});
