// Outputs appear all at once or not at all: files are written into a fresh sibling temporary
// folder, which is renamed into place only when complete. The target is taken exclusively: an
// empty placeholder reserves it for the run, and the final rename replaces only that empty
// placeholder, so a folder that appears or fills meanwhile is never overwritten.

import { chmodSync, closeSync, lstatSync, mkdirSync, mkdtempSync, openSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { MANIFEST_FILE, manifestOf, readManifest, unlistedFiles, type WrittenDigest } from './manifest.js';
import { refuseProtectedFolder } from './protected-folders.js';
import { writeAll } from './write-all.js';

export class OutputExistsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputExistsError';
  }
}

function listed(files: readonly string[]): string {
  return `${files.slice(0, 3).join(', ')}${files.length > 3 ? ', ...' : ''}`;
}

/** --force replaces only a folder that mppsim wrote: its manifest lists exactly the files it holds. */
function checkOurs(dir: string, target: string): void {
  const manifest = readManifest(target);
  if (typeof manifest === 'string') {
    throw new OutputExistsError(`${dir} was not written by mppsim (${manifest}); refusing to replace it even with --force. Choose another --out.`);
  }
  const { foreign } = unlistedFiles(target, manifest);
  if (foreign.length > 0) {
    throw new OutputExistsError(`${dir} holds files mppsim did not write (${listed(foreign)}); refusing to replace it even with --force`);
  }
}

function checkReplaceable(dir: string, target: string, force: boolean): boolean {
  let stat;
  try {
    stat = lstatSync(target);
  } catch {
    return false; // nothing there
  }
  if (stat.isSymbolicLink()) {
    throw new OutputExistsError(`${dir} is a symbolic link; outputs are never written through one. Name the folder itself.`);
  }
  if (!force) throw new OutputExistsError(`${dir} already exists; pass --force to replace it`);
  if (!stat.isDirectory()) throw new OutputExistsError(`${dir} exists and is not a folder; refusing to replace it`);
  checkOurs(dir, target);
  return true;
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
  private readonly dir: string;
  private readonly replacing: boolean;
  private reserved = false;
  private done = false;
  /** Digests of the files written through write(), for the manifest. */
  private readonly written = new Map<string, WrittenDigest>();

  constructor(dir: string, force: boolean) {
    this.dir = dir;
    this.target = refuseProtectedFolder(dir, (message) => new OutputExistsError(message));
    this.replacing = checkReplaceable(dir, this.target, force);
    mkdirSync(dirname(this.target), { recursive: true });
    if (!this.replacing) this.reserve();
    this.staging = mkdtempSync(join(dirname(this.target), `.tmp-${basename(this.target)}-`));
    // mkdtemp makes the folder private (0700); the finished output is an ordinary folder.
    chmodSync(this.staging, 0o777 & ~process.umask());
    active.add(this);
  }

  path(file: string): string {
    return join(this.staging, file);
  }

  /** A file's text, or its bytes in pieces written one after another (daily.csv, a piece per replication). */
  write(file: string, content: string | readonly Uint8Array[]): void {
    const pieces = typeof content === 'string' ? [Buffer.from(content)] : content;
    writePieces(this.path(file), pieces);
    const hash = createHash('sha256');
    let bytes = 0;
    for (const piece of pieces) {
      hash.update(piece);
      bytes += piece.length;
    }
    this.written.set(file, { sha256: hash.digest('hex'), bytes });
  }

  /**
   * Writes manifest.json (the record, and the digest of every file) and swaps the completed folder
   * into place; with --force the previous one is removed only after.
   */
  async commit(record: Record<string, unknown>): Promise<void> {
    const manifest = await manifestOf(this.staging, record, this.written);
    this.write(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
    let old: string | undefined;
    if (this.replacing) {
      // Re-checked now: files added while the run went on are not the run's to delete.
      checkOurs(this.dir, this.target);
      old = `${this.staging}-old`;
      renameSync(this.target, old);
    }
    try {
      // Replaces the empty placeholder (or, after the swap above, nothing); fails if anything is in it.
      renameSync(this.staging, this.target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (old) renameSync(old, this.target);
      if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR') {
        this.reserved = false; // what is there now is someone else's
        throw new OutputExistsError(`${this.dir}: other files appeared in it while mppsim was writing; nothing was replaced. Run again into an unused --out.`);
      }
      throw error;
    }
    this.done = true;
    this.reserved = false;
    active.delete(this);
    if (old) rmSync(old, { recursive: true, force: true });
  }

  abandon(): void {
    active.delete(this);
    if (this.done) return;
    rmSync(this.staging, { recursive: true, force: true });
    if (this.reserved) {
      this.reserved = false;
      try {
        rmdirSync(this.target); // only if still empty: never anyone else's files
      } catch {
        // someone put something there; it stays
      }
    }
  }

  /** Creates the target empty, exclusively: a second run into the same --out is refused now, not overwritten later. */
  private reserve(): void {
    try {
      mkdirSync(this.target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new OutputExistsError(`${this.dir} already exists; pass --force to replace it`);
      throw error;
    }
    this.reserved = true;
  }
}

function writePieces(path: string, pieces: readonly Uint8Array[]): void {
  const fd = openSync(path, 'w');
  try {
    for (const piece of pieces) writeAll(fd, piece);
  } finally {
    closeSync(fd);
  }
}
