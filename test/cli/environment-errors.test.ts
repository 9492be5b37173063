// The machine's failures (full disk, read-only folder, a name too long, an address not ours) are
// exit 2 with what to do, not "internal error" exit 1 (issue 11 item 17).

import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { environmentProblem } from '../../src/cli/environment-errors.js';
import { EXIT_BUG, EXIT_INPUT, guard } from '../../src/cli/io.js';
import { ROOT, mppsim, removeTempDirs, tempDir } from '../support/cli.js';
import { writeSmallScenario } from '../support/small-scenario.js';

afterAll(removeTempDirs);

function systemError(code: string, fields: { path?: string; address?: string } = {}): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed`), { code, ...fields });
}

describe('environmentProblem', () => {
  it.each([
    ['ENOSPC', { path: '/data/out/daily.csv' }, 'mppsim: no space left on the device (/data/out/daily.csv); free some space or write elsewhere with --out [ENOSPC]'],
    ['EROFS', { path: '/mnt/cd/out' }, 'mppsim: read-only file system (/mnt/cd/out); write elsewhere with --out [EROFS]'],
    ['EACCES', { path: '/root/out' }, 'mppsim: permission denied (/root/out); choose a folder you may write (--out) or read, or change its permissions [EACCES]'],
    ['EMFILE', {}, 'mppsim: too many open files; raise the limit (ulimit -n) or pass fewer --workers [EMFILE]'],
    ['EADDRNOTAVAIL', { address: '203.0.113.1' }, "mppsim: the address is not one of this machine's (203.0.113.1); use --host 127.0.0.1, 0.0.0.0 or one of its own addresses [EADDRNOTAVAIL]"],
  ])('%s says what to do', (code, fields, message) => {
    expect(environmentProblem(systemError(code, fields))).toBe(message);
  });

  it('leaves other errors, and codes named like Object properties, to be internal errors', () => {
    expect(environmentProblem(systemError('EINVAL'))).toBeUndefined();
    expect(environmentProblem(systemError('constructor'))).toBeUndefined();
    expect(environmentProblem(new Error('plain'))).toBeUndefined();
    expect(environmentProblem('ENOSPC')).toBeUndefined();
  });

  it('guard makes them exit 2, and a plain error still exit 1', async () => {
    const printed: string[] = [];
    const io = { out: () => {}, err: (text: string) => void printed.push(text) };
    expect(await guard(io, () => Promise.reject(systemError('ENOSPC', { path: '/x' })))).toBe(EXIT_INPUT);
    expect(await guard(io, () => Promise.reject(new Error('broken')))).toBe(EXIT_BUG);
    expect(printed).toEqual(['mppsim: no space left on the device (/x); free some space or write elsewhere with --out [ENOSPC]', 'mppsim: internal error: broken']);
  });
});

describe('at the command line', () => {
  it('an --out with a 300-character folder name: exit 2, nothing left behind', () => {
    const dir = tempDir();
    const scenario = writeSmallScenario(dir, 'small');
    const run = mppsim(['run', scenario, '--out', join(dir, 'x'.repeat(300)), '--quiet']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^mppsim: a file name is too long \(.*x{300}.*\); choose a shorter --out .*\[ENAMETOOLONG\]$/m);
    expect(readdirSync(dir)).toEqual(['small.json']);
  });

  it('serve --host on an address this machine does not have: exit 2', async () => {
    // 203.0.113.0/24 is reserved for documentation (RFC 5737): no machine has it.
    const child = spawn(process.execPath, [join(ROOT, 'bin/mppsim.js'), 'serve', '--host', '203.0.113.1', '--port', '0'], { env: { ...process.env, CI: 'true' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearTimeout(timer);
    expect(code).toBe(2);
    expect(stderr).toContain("mppsim: the address is not one of this machine's (203.0.113.1); use --host 127.0.0.1");
  });
});
