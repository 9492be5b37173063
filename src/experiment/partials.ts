// A shard's partial result (partial.json: the experiment and its units; results.jsonl: one line per
// replication), and the checks merge makes before trusting one: the folder's manifest matches
// every file, the experiment is the one its key names and within the limits, and the results are
// exactly the shard's units. A broken or edited shard is an input error naming the shard.

import { lstatSync } from 'node:fs';
import { constants as bufferLimits } from 'node:buffer';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { readManifest, sha256OfFile, unlistedFiles } from '../output/manifest.js';
import { readInputFile, ScenarioError, validateScenario } from '../scenario/index.js';
import { allUnits, shardUnits, type Experiment, type Shard, type Unit } from './design.js';
import { UsageError } from './errors.js';
import type { UnitResult } from './execute.js';
import { DEFAULT_LIMITS, MAX_UNITS, MAX_VARIANTS } from './limits.js';

export const PARTIAL_FILE = 'partial.json';
export const RESULTS_FILE = 'results.jsonl';
const PARTIAL_FORMAT = 'mppsim-partial/1';

export interface PartialManifest {
  format: string;
  key: string;
  shard: Shard;
  experiment: Experiment;
  units: Unit[];
}

export interface Partial extends PartialManifest {
  dir: string;
  results: UnitResult[];
}

export function experimentKey(experiment: Experiment): string {
  return createHash('sha256').update(JSON.stringify(experiment)).digest('hex');
}

export function partialFiles(experiment: Experiment, shard: Shard, results: readonly UnitResult[]): Record<string, string> {
  const manifest: PartialManifest = {
    format: PARTIAL_FORMAT,
    key: experimentKey(experiment),
    shard,
    experiment,
    units: results.map(({ variant, replication }) => ({ variant, replication })),
  };
  return {
    [PARTIAL_FILE]: `${JSON.stringify(manifest, null, 2)}\n`,
    // NaN and infinities survive the round trip as strings: JSON would make them null.
    [RESULTS_FILE]: results.map(({ variant, replication, result }) => JSON.stringify({ variant, replication, result }, encodeNumber)).join('\n') + (results.length ? '\n' : ''),
  };
}

const whole = (min: number, max: number) => z.number().int().min(min).max(max);
const unit = z.object({ variant: whole(0, MAX_VARIANTS), replication: whole(0, DEFAULT_LIMITS.maxReplications) });
const partialShape = z.object({
  format: z.literal(PARTIAL_FORMAT),
  key: z.string(),
  shard: z.object({ index: whole(1, Number.MAX_SAFE_INTEGER), count: whole(1, Number.MAX_SAFE_INTEGER) }),
  experiment: z.object({
    kind: z.enum(['run', 'compare', 'sweep']),
    variants: z.array(z.object({ name: z.string(), scenario: z.unknown(), params: z.record(z.string(), z.unknown()).optional() })).min(1).max(MAX_VARIANTS),
    replications: whole(1, DEFAULT_LIMITS.maxReplications),
    engine: z.enum(['heap', 'simjs']),
    events: z.boolean(),
    parameters: z.array(z.string()),
  }),
  units: z.array(unit),
});

export async function readPartial(dir: string): Promise<Partial> {
  const broken = (why: string): UsageError => new UsageError(`merge: shard ${dir}: ${why}`);
  await checkManifest(dir, broken);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readShardText(dir, PARTIAL_FILE, broken));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw broken(`no readable ${PARTIAL_FILE}; make a partial result with --shard i/n`);
  }
  const shape = partialShape.safeParse(parsed);
  if (!shape.success) {
    const issue = shape.error.issues[0];
    throw broken(`${PARTIAL_FILE} is not a partial result mppsim wrote (${issue.path.join('.') || 'the file'}: ${issue.message})`);
  }
  const manifest = parsed as PartialManifest;
  if (manifest.key !== experimentKey(manifest.experiment)) throw broken(`${PARTIAL_FILE} was edited: its experiment does not match its key`);
  if (manifest.shard.index > manifest.shard.count) throw broken(`shard ${manifest.shard.index}/${manifest.shard.count} is not one of ${manifest.shard.count}`);
  const total = manifest.experiment.variants.length * manifest.experiment.replications;
  if (manifest.shard.count > total) throw broken(`${manifest.shard.count} shards of ${total} replications: each shard needs at least one`);
  if (total > MAX_UNITS) throw broken(`${PARTIAL_FILE} names ${total.toLocaleString('en-US')} replications in all; mppsim runs at most ${MAX_UNITS.toLocaleString('en-US')}`);
  for (const v of manifest.experiment.variants) {
    try {
      validateScenario(v.scenario, `${join(dir, PARTIAL_FILE)} (variant ${v.name})`);
    } catch (error) {
      if (error instanceof ScenarioError) throw broken(`its scenario is not valid:\n${error.message}`);
      throw error;
    }
  }
  const expected = shardUnits(allUnits(manifest.experiment), manifest.shard);
  if (JSON.stringify(manifest.units) !== JSON.stringify(expected)) throw broken(`${PARTIAL_FILE} lists replications that are not those of shard ${manifest.shard.index}/${manifest.shard.count}`);
  return { ...manifest, dir, results: readResults(dir, expected, broken) };
}

/** The shards of one experiment (the same key), each of n given once, none missing; refuses otherwise, naming the shard. */
export function checkShardSet(partials: readonly { dir: string; key: string; shard: Shard }[]): void {
  const first = partials[0];
  if (!first) throw new UsageError('merge: name at least one partial result folder');
  for (const p of partials) {
    if (p.key !== first.key) throw new UsageError(`merge: shard ${p.dir} is a shard of a different experiment than ${first.dir}`);
    if (p.shard.count !== first.shard.count) throw new UsageError(`merge: shard ${p.dir} is shard ${p.shard.index}/${p.shard.count}, expected one of n = ${first.shard.count}`);
  }
  const seen = new Map<number, string>();
  for (const p of partials) {
    const other = seen.get(p.shard.index);
    if (other) throw new UsageError(`merge: shard ${p.shard.index}/${p.shard.count} given twice (${other} and ${p.dir})`);
    seen.set(p.shard.index, p.dir);
  }
  const missing = Array.from({ length: first.shard.count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) throw new UsageError(`merge: missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${first.shard.count}`).join(', ')}`);
}

/** The manifest lists exactly the folder's files, and every file still has its digest. */
export async function checkManifest(dir: string, broken: (why: string) => UsageError): Promise<void> {
  const manifest = readManifest(dir);
  if (typeof manifest === 'string') throw broken(`not a partial result mppsim wrote (${manifest})`);
  const { foreign, missing } = unlistedFiles(dir, manifest);
  if (missing.length > 0) throw broken(`missing ${missing.join(', ')} (the shard is incomplete; run it again)`);
  if (foreign.length > 0) throw broken(`holds files mppsim did not write: ${foreign.join(', ')}`);
  for (const [file, digest] of Object.entries(manifest.files)) {
    // A named pipe or a device listed in the manifest would never finish hashing.
    if (!lstatSync(join(dir, file)).isFile()) throw broken(`${file} is not a regular file; a shard holds only the files mppsim wrote`);
    if ((await sha256OfFile(join(dir, file))) !== digest) throw broken(`${file} was changed after mppsim wrote it (its sha256 is not the one manifest.json records); run the shard again`);
  }
}

function readResults(dir: string, expected: readonly Unit[], broken: (why: string) => UsageError): UnitResult[] {
  const lines = readShardText(dir, RESULTS_FILE, broken).split('\n').filter((l) => l.length > 0);
  if (lines.length !== expected.length) throw broken(`expected ${expected.length} results in ${RESULTS_FILE}, found ${lines.length}`);
  return lines.map((line, i) => {
    let r: UnitResult;
    try {
      r = JSON.parse(line, decodeNumber) as UnitResult;
    } catch {
      throw broken(`${RESULTS_FILE} line ${i + 1} is not valid JSON (truncated?)`);
    }
    if (r === null || typeof r !== 'object' || r.variant !== expected[i].variant || r.replication !== expected[i].replication || typeof r.result !== 'object' || r.result === null || !Array.isArray(r.result.metrics) || !Array.isArray(r.result.daily)) {
      throw broken(`${RESULTS_FILE} line ${i + 1} is not the result of variant ${expected[i].variant}, replication ${expected[i].replication}`);
    }
    return r;
  });
}

/** A shard file as text, refused (naming the shard) if it is not a regular file or too large to be a string. */
export function readShardText(dir: string, name: string, broken: (why: string) => UsageError): string {
  const read = readInputFile(join(dir, name), { maxBytes: bufferLimits.MAX_STRING_LENGTH, expected: `the ${name} mppsim wrote` });
  if ('problem' in read) throw broken(`${name} ${read.problem}`);
  return read.bytes.toString('utf8');
}

export function encodeNumber(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return `__${String(value)}__`;
  return value;
}

export function decodeNumber(_key: string, value: unknown): unknown {
  if (value === '__NaN__') return NaN;
  if (value === '__Infinity__') return Infinity;
  if (value === '__-Infinity__') return -Infinity;
  return value;
}
