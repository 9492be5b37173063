// Runs the built command as a user would: a spawned process, real files in a temporary folder.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/mppsim.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `killAfterMs`: a command that may hang (reading a named pipe) is killed then, and the result has code -1. */
export function mppsim(args: readonly string[], cwd = ROOT, killAfterMs?: number): CliResult {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' }, timeout: killAfterMs, killSignal: 'SIGKILL' });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

const made: string[] = [];

/** A fresh temporary folder, removed after the test file's tests (see cleanup.ts). */
export function tempDir(prefix = 'mppsim-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every output file of a folder, name -> bytes, for byte-for-byte comparisons; manifest.json is the run's record (it holds the time), not an output. */
export function readOutputs(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).filter((f) => f !== 'manifest.json').sort().map((f) => [f, readFileSync(join(dir, f))]));
}

export function bundledScenarios(): string[] {
  return readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(ROOT, 'scenarios', f));
}

/**
 * Runs `mppsim ARGS` from `root` (a package folder) with `preload` (a module's text) given to
 * --import, which appends lines to the file named by the environment variable `noteTo`; checks the
 * command succeeded, and returns what it printed and the lines the preload noted.
 */
export function mppsimNoting(preload: string, noteTo: string, args: readonly string[], root = ROOT): { stdout: string; stderr: string; noted: string[] } {
  const dir = tempDir();
  const preloadFile = join(dir, 'preload.mjs');
  const notes = join(dir, 'noted.txt');
  writeFileSync(preloadFile, preload);
  writeFileSync(notes, '');
  const run = spawnSync(process.execPath, ['--import', preloadFile, join(root, 'bin/mppsim.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', [noteTo]: notes },
  });
  expect(run.status, run.stderr).toBe(0);
  return { stdout: run.stdout, stderr: run.stderr, noted: readFileSync(notes, 'utf8').split('\n').filter(Boolean) };
}
