// `merge`: combines the partial results of every shard of one experiment into its complete outputs,
// written by the code that writes a one-machine run, so the bytes are the same. Nothing a shard
// holds is trusted before partials.ts has checked it; the merged figures are checked again here.

import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { BALANCE_IN, BALANCE_OUT, EXITS, type ReplicationResult } from '../model/index.js';
import { StagedOutput } from '../output/index.js';
import { allUnits, type Unit } from './design.js';
import { UsageError } from './errors.js';
import type { UnitResult } from './execute.js';
import { checkShardSet, readPartial, type Partial } from './partials.js';
import { runRecord } from './run-record.js';
import { writeExperiment, type ExperimentOutcome } from './run-experiment.js';
import { eventsPartName } from './events-parts.js';
import { writeExtras } from './extras.js';

/**
 * Combines the partial result folders of every shard of one experiment into `options.out`: the same
 * bytes a one-machine run writes. Refuses (UsageError) partials that are missing, repeated, tampered
 * with or from different experiments.
 */
export async function mergePartials(dirs: readonly string[], options: { out: string; force?: boolean; report?: boolean; xlsx?: boolean }): Promise<ExperimentOutcome> {
  const startedAt = new Date();
  const partials: Partial[] = [];
  for (const dir of dirs) partials.push(await readPartial(dir));
  checkShardSet(partials);
  const first = partials[0];
  const experiment = first.experiment;
  const where = new Map<string, string>();
  const byUnit = new Map<string, UnitResult>();
  for (const p of partials) {
    for (const r of p.results) {
      checkConservation(r.result, experiment.variants[r.variant].scenario.warmupDays, p.dir);
      byUnit.set(unitKey(r), r);
      where.set(unitKey(r), p.dir);
    }
  }
  const results = allUnits(experiment).map((unit) => {
    const found = byUnit.get(unitKey(unit));
    if (!found) throw new UsageError(`merge: no result for variant ${unit.variant}, replication ${unit.replication}`);
    return found;
  });
  const partOf = (unit: Unit): string => join(where.get(unitKey(unit)) as string, eventsPartName(unit));
  if (experiment.events) for (const unit of allUnits(experiment)) await checkEventsPart(partOf(unit), where.get(unitKey(unit)) as string);
  const staged = new StagedOutput(options.out, options.force ?? false);
  try {
    const outcome = await writeExperiment(staged, experiment, results, partOf);
    await writeExtras(staged, outcome.files, options);
    await staged.commit(runRecord(experiment, { startedAt }));
    return { ...outcome, dir: staged.target };
  } finally {
    staged.abandon();
  }
}

function unitKey(unit: Unit): string {
  return `${unit.variant}/${unit.replication}`;
}

/** The balance of summary.csv (BALANCE_IN = BALANCE_OUT), for every scope that has arrivals. */
function checkConservation(result: ReplicationResult, warmupDays: number, dir: string): void {
  const figures = new Map<string, number>();
  for (const m of result.metrics) figures.set(`${m.metric}|${m.scope}`, m.value);
  for (const m of result.metrics) {
    if (m.metric !== 'arrivals') continue;
    const figure = (name: string): number | undefined => figures.get(`${name}|${m.scope}`);
    // Scopes without exits (a port, a route) are not balanced; after a warm-up the start must be there.
    if (REQUIRED.some((name) => figure(name) === undefined) || (warmupDays > 0 && figure('in_custody_start') === undefined)) continue;
    const sum = (names: readonly string[]): number => names.reduce((total, name) => total + (figure(name) ?? 0), 0);
    const cameIn = sum(BALANCE_IN);
    const accounted = sum(BALANCE_OUT);
    if (accounted !== cameIn) {
      throw new UsageError(`merge: shard ${dir}: replication ${result.replication} does not balance for ${m.scope} (${cameIn} arrived or already held, ${accounted} accounted for); its results were edited, run the shard again`);
    }
  }
}

/** The balance's figures every run reports at a sector and in total. */
const REQUIRED = [...EXITS, 'in_custody_end'];

const FORMULA_START = /^[=+\-@\t\r]/;

/** Every cell of an events part is one a spreadsheet will not run: copied raw, it must be as mppsim escaped it. */
async function checkEventsPart(file: string, dir: string): Promise<void> {
  let line = 0;
  try {
    for await (const record of createReadStream(file).pipe(parse({ relax_column_count: false }))) {
      line++;
      for (const cell of record as string[]) {
        if (FORMULA_START.test(cell) && !Number.isFinite(Number(cell))) {
          throw new UsageError(`merge: shard ${dir}: ${file} line ${line} holds a cell a spreadsheet would run as a formula ("${cell.slice(0, 20)}"); it was not written by mppsim`);
        }
      }
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`merge: shard ${dir}: ${file} cannot be read as CSV (${(error as Error).message.split('\n')[0]})`);
  }
}
