// A shard of `size --search grid --shard i/n`: partial.json holds the design (everything the answer
// depends on) and, for each value of the shard's share of the grid, every target's figure replication
// by replication. Shards split the grid by value, not a candidate's replications: a candidate too
// close to call gets more replications depending on its own first ones, so its replications are not
// known in advance, while the values are. merge trusts a shard only after the checks below.

import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { ScenarioError, validateScenario } from '../scenario/index.js';
import type { Shard } from './design.js';
import { UsageError } from './errors.js';
import { DEFAULT_LIMITS } from './limits.js';
import { PARTIAL_FILE, checkManifest, decodeNumber, encodeNumber, readShardText } from './partials.js';
import { judgeCandidate, type SizedCandidate, type SizeRange } from './size-answer.js';
import { MAX_GRID_VALUES, SizeGrid, parseSizeRange } from './size.js';
import { parseTarget, type Target } from './targets.js';

const SIZE_PARTIAL_FORMAT = 'mppsim-size-partial/1';

/** What a sized answer depends on: shards with equal designs are shards of one search. */
export interface SizeDesign {
  /** The scenario document as parsed. */
  document: unknown;
  /** The range as path=LO..HI:STEP. */
  vary: string;
  targets: string[];
  replications: number;
  maxReplications: number;
  seed: number;
  warmupDays: number | null;
  engine: 'heap' | 'simjs';
}

export interface SizePartial {
  dir: string;
  key: string;
  shard: Shard;
  design: SizeDesign;
  range: SizeRange;
  targets: Target[];
  candidates: SizedCandidate[];
}

/** The range as parseSizeRange reads it back: numbers without exponents (String(0.0000001) is "1e-7"). */
export function rangeText(r: SizeRange): string {
  const plain = (x: number): string => (String(x).includes('e') ? x.toFixed(20).replace(/\.?0+$/, '') : String(x));
  return `${r.name}=${plain(r.from)}..${plain(r.to)}:${plain(r.step)}`;
}

function designKey(design: SizeDesign): string {
  return createHash('sha256').update(JSON.stringify(design)).digest('hex');
}

/** partial.json of one shard: its design, key, shard and each candidate's figures (NaN kept, as in run shards). */
export function sizePartialFiles(design: SizeDesign, shard: Shard, candidates: readonly SizedCandidate[]): Record<string, string> {
  const manifest = { format: SIZE_PARTIAL_FORMAT, key: designKey(design), shard, design, candidates: candidates.map((c) => ({ value: c.value, samples: c.samples })) };
  return { [PARTIAL_FILE]: `${JSON.stringify(manifest, encodeNumber, 2)}\n` };
}

/** Whether `dir` holds a shard of `size` (rather than of run, compare or sweep); anything unreadable is left to the checks. */
export function isSizePartial(dir: string): boolean {
  // The format is the file's first field: its first bytes tell, without reading a large file whole.
  return firstBytes(join(dir, PARTIAL_FILE), 200)?.includes(`"format": "${SIZE_PARTIAL_FORMAT}"`) === true;
}

/** Up to `n` bytes from the start of a regular file; undefined for anything else (O_NONBLOCK: a named pipe never blocks). */
function firstBytes(file: string, n: number): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    const buffer = Buffer.alloc(n);
    return buffer.subarray(0, readSync(fd, buffer, 0, n, 0));
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

const whole = (min: number, max: number) => z.number().int().min(min).max(max);
const MAX_TARGETS = 100;
const designShape = z.object({
  document: z.unknown(),
  vary: z.string(),
  targets: z.array(z.string()).min(1).max(MAX_TARGETS),
  replications: whole(2, DEFAULT_LIMITS.maxReplications),
  maxReplications: whole(2, DEFAULT_LIMITS.maxReplications),
  seed: whole(0, 2 ** 32 - 1),
  warmupDays: z.number().int().min(0).nullable(),
  engine: z.enum(['heap', 'simjs']),
});
const shape = z.object({
  format: z.literal(SIZE_PARTIAL_FORMAT),
  key: z.string(),
  shard: z.object({ index: whole(1, MAX_GRID_VALUES), count: whole(1, MAX_GRID_VALUES) }),
  design: designShape,
  candidates: z.array(z.object({ value: z.number(), samples: z.array(z.array(z.unknown())) })).max(MAX_GRID_VALUES),
});

/** Before a shard runs: a design merge would refuse is refused now, not after the work. */
export function checkShardDesign(design: SizeDesign): void {
  if (design.targets.length > MAX_TARGETS) throw new UsageError(`--shard: at most ${MAX_TARGETS} targets, got ${design.targets.length}`);
  if (design.maxReplications > DEFAULT_LIMITS.maxReplications) throw new UsageError(`--shard: --max-reps ${design.maxReplications}: a shard holds at most ${DEFAULT_LIMITS.maxReplications.toLocaleString('en-US')} replications a candidate`);
}

/** Reads and checks one shard of a size search; refuses (UsageError naming the shard) anything mppsim did not write as it is. */
export async function readSizePartial(dir: string): Promise<SizePartial> {
  const broken = (why: string): UsageError => new UsageError(`merge: shard ${dir}: ${why}`);
  await checkManifest(dir, broken);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readShardText(dir, PARTIAL_FILE, broken), decodeNumber);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw broken(`no readable ${PARTIAL_FILE}; make a partial result with size --search grid --shard i/n`);
  }
  const checked = shape.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw broken(`${PARTIAL_FILE} is not a partial result of mppsim size (${issue.path.join('.') || 'the file'}: ${issue.message})`);
  }
  const { key, shard, design, candidates } = checked.data as typeof checked.data & { design: SizeDesign };
  if (key !== designKey(design)) throw broken(`${PARTIAL_FILE} was edited: its design does not match its key`);
  if (shard.index > shard.count) throw broken(`shard ${shard.index}/${shard.count} is not one of ${shard.count}`);
  let range: SizeRange;
  let targets: Target[];
  try {
    range = parseSizeRange(design.vary);
    targets = design.targets.map(parseTarget);
    validateScenario(design.document, `${join(dir, PARTIAL_FILE)} (design.document)`);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ScenarioError) throw broken(`its design is not valid: ${error.message}`);
    throw error;
  }
  const grid = new SizeGrid(range);
  const expected = grid.length <= MAX_GRID_VALUES ? grid.indices(shard).map((k) => grid.at(k)) : [];
  if (expected.length === 0 || JSON.stringify(candidates.map((c) => c.value)) !== JSON.stringify(expected)) {
    throw broken(`${PARTIAL_FILE} lists values that are not those of shard ${shard.index}/${shard.count} of ${design.vary}`);
  }
  const sized = candidates.map((c) => checkCandidate(c.value, c.samples, targets, design, broken));
  return { dir, key, shard, design, range, targets, candidates: sized };
}

/** A candidate's figures: a number per target and replication, as many replications as the batches allow, and no more than its verdict needed. */
function checkCandidate(value: number, samples: unknown[][], targets: readonly Target[], design: SizeDesign, broken: (why: string) => UsageError): SizedCandidate {
  const n = samples[0]?.length ?? 0;
  const first = Math.min(design.replications, design.maxReplications);
  const reachable = n === design.maxReplications || (n >= first && (n - first) % design.replications === 0 && n < design.maxReplications);
  if (samples.length !== targets.length || !reachable || samples.some((s) => s.length !== n || s.some((x) => typeof x !== 'number'))) {
    throw broken(`${PARTIAL_FILE}: the figures of ${value} are not one number per target and replication, in batches of ${design.replications} up to ${design.maxReplications}`);
  }
  const sized = judgeCandidate(value, targets, samples as number[][]);
  if (sized.verdict === 'undecided' && n < design.maxReplications) throw broken(`${PARTIAL_FILE}: ${value} stops at ${n} replications while still too close to call (truncated?)`);
  return sized;
}
