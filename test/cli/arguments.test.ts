// A wrong option, value or argument stops every command before anything runs or is written: exit 2
// with yargs' message, never the command's output.

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, mppsim, tempDir } from '../support/cli.js';

const DEL_RIO = join(ROOT, 'scenarios/del-rio-cap.yaml');

describe('refused arguments', () => {
  const cases: [string, (out: string) => string[], RegExp][] = [
    ['an unknown option (--rep for --reps)', (out) => ['run', DEL_RIO, '--rep', '2', '--out', out], /Unknown argument: rep/],
    ['an unknown option with --force', (out) => ['run', DEL_RIO, '--rep', '2', '--out', out, '--force'], /Unknown argument: rep/],
    ['a value outside the choices', (out) => ['run', DEL_RIO, '--engine', 'foo', '--out', out], /Argument: engine, Given: "foo"/],
    ['a misspelt sweep option', (out) => ['sweep', DEL_RIO, '--set', 'ports.del-rio.dailyCap=40,50', '--desgin', 'lhs', '--out', out], /Unknown argument: desgin/],
    ['an extra positional argument', (out) => ['run', DEL_RIO, 'extra', '--out', out], /Unknown argument: extra/],
    ['a number option given text', (out) => ['run', DEL_RIO, '--reps', 'abc', '--out', out], /--reps: expected a whole number/],
    ['a variant that yargs reads as flags', (out) => ['compare', DEL_RIO, '--variant', '-2+3:ports.del-rio.dailyCap=3', '--out', out], /Unknown argument/],
    ['a limit given text', (out) => ['run', DEL_RIO, '--max-people', 'abc', '--out', out], /--max-people: expected a number/],
  ];

  it.each(cases)('%s: exit 2, nothing run or written', (_, args, message) => {
    const dir = tempDir();
    const run = mppsim(args(join(dir, 'out')));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('validate with an unknown option exits 2 without validating', () => {
    const run = mppsim(['validate', DEL_RIO, '--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown argument: bogus');
    expect(run.stdout).not.toContain('ok');
  });

  it("yargs' messages come in the user's language, from the installed yargs' translations (the bundle points yargs back at them)", () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/mppsim.js'), 'run'], { encoding: 'utf8', env: { ...process.env, CI: 'true', LC_ALL: 'fr_FR.UTF-8' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("mppsim: Pas assez d'arguments (hors options) : reçus 0, besoin d'au moins 1");
  });

  it('--help still prints and exits 0', () => {
    const run = mppsim(['run', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--reps');
  });
});
