// manifest.json, the record mppsim leaves in every folder it writes: what made it (the run record
// the caller gives) and the sha256 of every other file. It is how --force recognises mppsim's own
// folders and how merge recognises an untouched shard.

import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInputFile } from '../scenario/index.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'mppsim-output/1';

export interface Manifest {
  format: string;
  /** What made the folder: version, scenario digest, seed, settings, command line, start time. */
  record: Record<string, unknown>;
  /** File name -> sha256 (hex) of every file in the folder but this one. */
  files: Record<string, string>;
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** JSON with object keys sorted at every level: one text for one value, whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A file's digest taken from the bytes as they were written, and how many they were. */
export interface WrittenDigest {
  sha256: string;
  bytes: number;
}

/**
 * The folder's manifest. `written` holds digests of files hashed as they were written (reading back a
 * run's 6 MB took 35 ms here); a file not in it, or no longer of that length, is read and hashed.
 */
export async function manifestOf(dir: string, record: Record<string, unknown>, written: ReadonlyMap<string, WrittenDigest> = new Map()): Promise<Manifest> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (name === MANIFEST_FILE) continue;
    const path = join(dir, name);
    const known = written.get(name);
    files[name] = known && statSync(path).size === known.bytes ? known.sha256 : await sha256OfFile(path);
  }
  return { format: MANIFEST_FORMAT, record, files };
}

/** A manifest lists a folder's files with their digests: a few kilobytes, even for a large sweep. */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

/** The folder's manifest, or why it has none that mppsim could have written. */
export function readManifest(dir: string): Manifest | string {
  const read = readInputFile(join(dir, MANIFEST_FILE), { maxBytes: MAX_MANIFEST_BYTES, expected: `the ${MANIFEST_FILE} mppsim wrote` });
  if ('problem' in read) return read.missing ? `it has no ${MANIFEST_FILE}` : `its ${MANIFEST_FILE} ${read.problem}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.bytes.toString('utf8'));
  } catch {
    return `its ${MANIFEST_FILE} is not valid JSON`;
  }
  const m = parsed as Partial<Manifest> | null;
  if (m === null || typeof m !== 'object' || m.format !== MANIFEST_FORMAT || typeof m.files !== 'object' || m.files === null || Array.isArray(m.files)) {
    return `its ${MANIFEST_FILE} is not one mppsim wrote (expected format ${MANIFEST_FORMAT})`;
  }
  if (!Object.values(m.files).every((d) => typeof d === 'string') || Object.hasOwn(m.files, MANIFEST_FILE)) {
    return `its ${MANIFEST_FILE} lists files oddly`;
  }
  return { format: m.format, record: (m.record ?? {}) as Record<string, unknown>, files: m.files as Record<string, string> };
}

/** Files in the folder that its manifest does not list, and listed files that are missing. */
export function unlistedFiles(dir: string, manifest: Manifest): { foreign: string[]; missing: string[] } {
  const present = readdirSync(dir).filter((f) => f !== MANIFEST_FILE);
  return {
    foreign: present.filter((f) => !Object.hasOwn(manifest.files, f)).sort(),
    missing: Object.keys(manifest.files).filter((f) => !present.includes(f)).sort(),
  };
}

/** After a file was added to a finished folder (report.html): list it, so the folder stays recognisably mppsim's. */
export async function recordAddedFile(dir: string, name: string): Promise<void> {
  const manifest = readManifest(dir);
  if (typeof manifest === 'string') return; // not a folder mppsim keeps a manifest for
  manifest.files[name] = await sha256OfFile(join(dir, name));
  const temporary = join(dir, `.tmp-${MANIFEST_FILE}-${process.pid}`);
  writeFileSync(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(temporary, join(dir, MANIFEST_FILE));
}
