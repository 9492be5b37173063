// Outputs appear all at once or not at all: files are written into a fresh sibling temporary
// folder, which is renamed into place only when complete.

import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export class OutputExistsError extends Error {
  constructor(readonly dir: string) {
    super(`${dir} already exists; pass --force to replace it`);
    this.name = 'OutputExistsError';
  }
}

export class StagedOutput {
  readonly target: string;
  readonly staging: string;
  private done = false;

  constructor(dir: string, force: boolean) {
    this.target = resolve(dir);
    if (existsSync(this.target) && !force) throw new OutputExistsError(dir);
    if (existsSync(this.target) && lstatSync(this.target).isSymbolicLink()) {
      throw new OutputExistsError(`${dir} is a symbolic link; refusing to replace it`);
    }
    mkdirSync(dirname(this.target), { recursive: true });
    this.staging = mkdtempSync(join(dirname(this.target), `.tmp-${basename(this.target)}-`));
    // mkdtemp makes the folder private (0700); the finished output is an ordinary folder.
    chmodSync(this.staging, 0o777 & ~process.umask());
  }

  path(file: string): string {
    return join(this.staging, file);
  }

  write(file: string, text: string): void {
    writeFileSync(this.path(file), text);
  }

  /** Swaps the completed folder into place; the previous one (with --force) is removed only after. */
  commit(): void {
    let old: string | undefined;
    if (existsSync(this.target)) {
      old = `${this.staging}-old`;
      renameSync(this.target, old);
    }
    renameSync(this.staging, this.target);
    this.done = true;
    if (old) rmSync(old, { recursive: true, force: true });
  }

  abandon(): void {
    if (!this.done) rmSync(this.staging, { recursive: true, force: true });
  }
}
