// What a scenario supplies (its title, an unknown key) reaches the terminal with its control
// characters shown, never obeyed (issue 11 item 15).

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mppsim, removeTempDirs, tempDir } from '../support/cli.js';
import { writeSmallScenario } from '../support/small-scenario.js';

afterAll(removeTempDirs);

const ESC = '\u001b';

describe('scenario text printed by the command', () => {
  it('a title with an escape sequence: run prints it escaped', () => {
    const dir = tempDir();
    const scenario = writeSmallScenario(dir, 'small', (s) => void (s.title = `Red ${ESC}[31malert${ESC}]0;pwned\u0007`));
    const run = mppsim(['run', scenario, '--out', join(dir, 'out')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Red \\u001b[31malert\\u001b]0;pwned\\u0007: 10 days from 2019-11-01');
    expect(run.stdout + run.stderr).not.toContain(ESC);
  });

  it('an unknown key with an escape sequence: validate names it escaped', () => {
    const dir = tempDir();
    const scenario = writeSmallScenario(dir, 'small', (s) => Object.assign(s, { [`x${ESC}[2J`]: 1 }));
    const run = mppsim(['validate', scenario]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('x\\u001b[2J');
    expect(run.stdout + run.stderr).not.toContain(ESC);
  });
});
