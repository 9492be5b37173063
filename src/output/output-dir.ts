// Outputs appear all at once or not at all: files are written into a fresh sibling temporary
// folder, which is renamed into place only when complete.

import { chmodSync, lstatSync, readdirSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export class OutputExistsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputExistsError';
  }
}

/** What mppsim writes into an output folder: --force replaces only a folder holding nothing else. */
const OUR_FILES = /^(?:[\w-]+\.(?:csv|json|jsonl|html|png|xlsx)|events-part-\d+-\d+\.csv)$/;

function checkReplaceable(dir: string, target: string, force: boolean): void {
  let stat;
  try {
    stat = lstatSync(target);
  } catch {
    return; // nothing there
  }
  if (stat.isSymbolicLink()) {
    throw new OutputExistsError(`${dir} is a symbolic link; outputs are never written through one. Name the folder itself.`);
  }
  if (!force) throw new OutputExistsError(`${dir} already exists; pass --force to replace it`);
  if (!stat.isDirectory()) throw new OutputExistsError(`${dir} exists and is not a folder; refusing to replace it`);
  const foreign = readdirSync(target).filter((f) => !OUR_FILES.test(f));
  if (foreign.length > 0) {
    throw new OutputExistsError(
      `${dir} holds files mppsim did not write (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', ...' : ''}); refusing to replace it even with --force`,
    );
  }
}

/** Folders being written now, so that an interrupted process can remove them before it exits. */
const active = new Set<StagedOutput>();

/** Removes every unfinished output folder: called on SIGINT/SIGTERM, synchronously, before exiting. */
export function abandonAllStagedOutputs(): void {
  for (const staged of [...active]) staged.abandon();
}

export class StagedOutput {
  readonly target: string;
  readonly staging: string;
  private done = false;

  constructor(dir: string, force: boolean) {
    this.target = resolve(dir);
    checkReplaceable(dir, this.target, force);
    mkdirSync(dirname(this.target), { recursive: true });
    this.staging = mkdtempSync(join(dirname(this.target), `.tmp-${basename(this.target)}-`));
    // mkdtemp makes the folder private (0700); the finished output is an ordinary folder.
    chmodSync(this.staging, 0o777 & ~process.umask());
    active.add(this);
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
    if (lstatExists(this.target)) {
      old = `${this.staging}-old`;
      renameSync(this.target, old);
    }
    renameSync(this.staging, this.target);
    this.done = true;
    active.delete(this);
    if (old) rmSync(old, { recursive: true, force: true });
  }

  abandon(): void {
    active.delete(this);
    if (!this.done) rmSync(this.staging, { recursive: true, force: true });
  }
}

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
