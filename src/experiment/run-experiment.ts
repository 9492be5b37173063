// Runs an experiment into an output folder, whole or as one shard's partial result, and merges
// partial results. A merged result is written by the very code that writes a one-machine run, from
// the same per-replication results in the same order, so the bytes are the same.

import { createReadStream, createWriteStream, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { ReplicationResult } from '../model/index.js';
import {
  EVENTS_HEADER,
  StagedOutput,
  comparisonCsv,
  dailyCsv,
  dailyMeanCsv,
  labelledReplicationsCsv,
  labelledSummaryCsv,
  replicationsCsv,
  summarize,
  summaryCsv,
  sweepCsv,
  toCsv,
  type Cell,
  type SummaryRow,
} from '../output/index.js';
import { allUnits, shardUnits, type Experiment, type Shard, type Unit } from './design.js';
import { UsageError } from './errors.js';
import { execute, type UnitResult } from './execute.js';
import { compareVariants, type ComparisonRow } from './paired.js';

export interface ExperimentRunOptions {
  out: string;
  force?: boolean;
  workers?: number;
  shard?: Shard;
  /** Also write report.html (not for a shard's partial result). */
  report?: boolean;
  /** Also write results.xlsx, the tables as one workbook (not for a shard's partial result). */
  xlsx?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface ExperimentOutcome {
  dir: string;
  files: string[];
  experiment: Experiment;
  /** Run: the summary; compare: the first variant's. */
  summary: SummaryRow[];
  comparison: ComparisonRow[];
  partial: boolean;
}

const PARTIAL_FILE = 'partial.json';
const RESULTS_FILE = 'results.jsonl';
const PARTIAL_FORMAT = 'mppsim-partial/1';

export async function runExperiment(experiment: Experiment, options: ExperimentRunOptions): Promise<ExperimentOutcome> {
  const staged = new StagedOutput(options.out, options.force ?? false);
  try {
    const units = shardUnits(allUnits(experiment), options.shard);
    const results = await execute(experiment, units, {
      workers: options.workers,
      eventsPart: (unit) => staged.path(eventsPartName(unit)),
      onProgress: options.onProgress,
    });
    let outcome: Omit<ExperimentOutcome, 'dir'>;
    if (options.shard) {
      outcome = writePartial(staged, experiment, options.shard, results);
    } else {
      outcome = await writeExperiment(staged, experiment, results, (unit) => staged.path(eventsPartName(unit)));
      await writeExtras(staged, outcome.files, options);
    }
    staged.commit();
    return { ...outcome, dir: staged.target };
  } finally {
    staged.abandon();
  }
}

/** Combines the partial results of every shard of one experiment into its complete outputs. */
export async function mergePartials(
  dirs: readonly string[],
  options: { out: string; force?: boolean; report?: boolean; xlsx?: boolean },
): Promise<ExperimentOutcome> {
  const partials = dirs.map(readPartial);
  const first = partials[0];
  if (!first) throw new UsageError('merge: name at least one partial result folder');
  for (const p of partials) {
    if (p.key !== first.key) throw new UsageError(`merge: ${p.dir} is a shard of a different experiment than ${first.dir}`);
    if (p.shard.count !== first.shard.count) throw new UsageError(`merge: ${p.dir} is shard ${p.shard.index}/${p.shard.count}, expected one of n = ${first.shard.count}`);
  }
  const seen = new Map<number, string>();
  for (const p of partials) {
    const other = seen.get(p.shard.index);
    if (other) throw new UsageError(`merge: shard ${p.shard.index}/${p.shard.count} given twice (${other} and ${p.dir})`);
    seen.set(p.shard.index, p.dir);
  }
  const missing = Array.from({ length: first.shard.count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) throw new UsageError(`merge: missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${first.shard.count}`).join(', ')}`);

  const experiment = first.experiment;
  const where = new Map<string, string>();
  const byUnit = new Map<string, UnitResult>();
  for (const p of partials) {
    for (const r of p.results) {
      byUnit.set(unitKey(r), r);
      where.set(unitKey(r), p.dir);
    }
  }
  const results = allUnits(experiment).map((unit) => {
    const found = byUnit.get(unitKey(unit));
    if (!found) throw new UsageError(`merge: no result for variant ${unit.variant}, replication ${unit.replication}`);
    return found;
  });
  const staged = new StagedOutput(options.out, options.force ?? false);
  try {
    const outcome = await writeExperiment(staged, experiment, results, (unit) => join(where.get(unitKey(unit)) as string, eventsPartName(unit)));
    await writeExtras(staged, outcome.files, options);
    staged.commit();
    return { ...outcome, dir: staged.target };
  } finally {
    staged.abandon();
  }
}

// ---- complete outputs --------------------------------------------------------------------

async function writeExperiment(
  staged: StagedOutput,
  experiment: Experiment,
  results: readonly UnitResult[],
  eventsPart: (unit: Unit) => string,
): Promise<Omit<ExperimentOutcome, 'dir'>> {
  const byVariant: ReplicationResult[][] = experiment.variants.map(() => []);
  for (const r of results) byVariant[r.variant][r.replication] = r.result;
  const files: string[] = [];
  const write = (name: string, text: string): void => {
    staged.write(name, text);
    files.push(name);
  };
  let summary: SummaryRow[] = [];
  let comparison: ComparisonRow[] = [];
  const names = experiment.variants.map((v) => v.name);

  if (experiment.kind === 'run') {
    const own = byVariant[0];
    summary = summarize(own);
    // Rows formatted by the workers where they were; merged partials format them here, identically.
    write('daily.csv', dailyCsv(own, results.map((r) => r.dailyText)));
    write('daily-mean.csv', dailyMeanCsv([{ name: names[0], results: own }], false));
    write('summary.csv', summaryCsv(summary));
    write('replications.csv', replicationsCsv(own));
    // The effective scenario (defaults filled, overrides applied): rerunning it reproduces these bytes.
    write('scenario.json', `${JSON.stringify(experiment.variants[0].scenario, null, 2)}\n`);
  } else if (experiment.kind === 'compare') {
    comparison = compareVariants(names, byVariant);
    summary = summarize(byVariant[0]);
    write('comparison.csv', comparisonCsv(comparison));
    write('summary.csv', labelledSummaryCsv(['variant'], byVariant.map((rs, v) => ({ labels: [names[v]], summary: v === 0 ? summary : summarize(rs) }))));
    write('replications.csv', labelledReplicationsCsv(['variant'], byVariant.map((rs, v) => ({ labels: [names[v]], results: rs }))));
    write('daily-mean.csv', dailyMeanCsv(byVariant.map((rs, v) => ({ name: names[v], results: rs })), true));
    write('variants.json', `${JSON.stringify(experiment.variants, null, 2)}\n`);
  } else {
    const params = (v: number): Cell[] => experiment.parameters.map((p) => paramCell(experiment.variants[v].params?.[p]));
    const points = byVariant.map((rs, v) => ({ point: v, params: params(v), summary: summarize(rs), results: rs }));
    write('sweep.csv', sweepCsv(experiment.parameters, points));
    write('replications.csv', labelledReplicationsCsv(['point', ...experiment.parameters], points.map((p) => ({ labels: [p.point, ...p.params], results: p.results }))));
    write('points.csv', toCsv(['point', ...experiment.parameters], points.map((p) => [p.point, ...p.params])));
    write('scenario.json', `${JSON.stringify(experiment.variants[0]?.scenario ?? null, null, 2)}\n`);
  }
  if (experiment.events) {
    await joinEvents(staged.path('events.csv'), allUnits(experiment).map(eventsPart), (experiment.kind === 'run' ? [] : ['variant']));
    for (const unit of allUnits(experiment)) rmSync(staged.path(eventsPartName(unit)), { force: true });
    files.push('events.csv');
  }
  return { files, experiment, summary, comparison, partial: false };
}

function paramCell(value: unknown): Cell {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Header, then every part in unit order, streamed: the file can be larger than memory. */
async function joinEvents(file: string, parts: readonly string[], extra: readonly string[]): Promise<void> {
  const out = createWriteStream(file);
  out.write(toCsv([...extra, ...EVENTS_HEADER], []));
  for (const part of parts) {
    for await (const chunk of createReadStream(part)) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
}

function eventsPartName(unit: Unit): string {
  return `events-part-${unit.variant}-${unit.replication}.csv`;
}

function unitKey(unit: Unit): string {
  return `${unit.variant}/${unit.replication}`;
}

// ---- partial results ---------------------------------------------------------------------

interface PartialManifest {
  format: string;
  key: string;
  shard: Shard;
  experiment: Experiment;
  units: Unit[];
}

function experimentKey(experiment: Experiment): string {
  return createHash('sha256').update(JSON.stringify(experiment)).digest('hex');
}

function writePartial(staged: StagedOutput, experiment: Experiment, shard: Shard, results: readonly UnitResult[]): Omit<ExperimentOutcome, 'dir'> {
  const manifest: PartialManifest = {
    format: PARTIAL_FORMAT,
    key: experimentKey(experiment),
    shard,
    experiment,
    units: results.map(({ variant, replication }) => ({ variant, replication })),
  };
  staged.write(PARTIAL_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
  // NaN and infinities survive the round trip as strings: JSON would make them null.
  staged.write(RESULTS_FILE, results.map(({ variant, replication, result }) => JSON.stringify({ variant, replication, result }, encodeNumber)).join('\n') + (results.length ? '\n' : ''));
  return { files: [PARTIAL_FILE, RESULTS_FILE], experiment, summary: [], comparison: [], partial: true };
}

function readPartial(dir: string): PartialManifest & { dir: string; results: UnitResult[] } {
  let manifest: PartialManifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, PARTIAL_FILE), 'utf8')) as PartialManifest;
  } catch {
    throw new UsageError(`merge: ${dir} is not a partial result (no readable ${PARTIAL_FILE}; make one with --shard i/n)`);
  }
  if (manifest.format !== PARTIAL_FORMAT) throw new UsageError(`merge: ${dir}: unknown partial format "${manifest.format}", expected ${PARTIAL_FORMAT}`);
  const lines = readFileSync(join(dir, RESULTS_FILE), 'utf8').split('\n').filter((l) => l.length > 0);
  const results = lines.map((line) => JSON.parse(line, decodeNumber) as UnitResult);
  if (results.length !== manifest.units.length) throw new UsageError(`merge: ${dir}: expected ${manifest.units.length} results, found ${results.length}`);
  return { ...manifest, dir, results };
}

function encodeNumber(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return `__${String(value)}__`;
  return value;
}

function decodeNumber(_key: string, value: unknown): unknown {
  if (value === '__NaN__') return NaN;
  if (value === '__Infinity__') return Infinity;
  if (value === '__-Infinity__') return -Infinity;
  return value;
}

/** The workbook and the report, made from the folder's tables; exceljs and vega load only when asked for. */
async function writeExtras(staged: StagedOutput, files: string[], options: { report?: boolean; xlsx?: boolean }): Promise<void> {
  if (options.xlsx) {
    const { writeXlsx } = await import('../output/xlsx.js');
    files.push(basename(await writeXlsx(staged.staging)));
  }
  if (options.report) {
    const { writeReport } = await import('../output/report/index.js');
    files.push(basename(await writeReport(staged.staging)));
  }
}
