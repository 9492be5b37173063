// Time from arrival to return, binned from events.csv (written by `run --events`), streamed so a
// large file is never held in memory. Bins are fixed before reading, from the largest wait the
// run reports, so one pass suffices and the bins do not depend on the order of the rows.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { checkRecordedDigest } from './checked-files.js';
import { ReportInputError } from './report-input-error.js';

export interface ReturnTimeBins {
  binHours: number;
  /** People per bin, bin k covering [k × binHours, (k + 1) × binHours). */
  counts: number[];
  people: number;
  replications: number;
}

/** A step of 1, 2 or 5 × 10^k hours giving about `target` bins up to `maxHours`. */
export function niceBinHours(maxHours: number, target = 40): number {
  if (!(maxHours > 0)) return 1;
  const raw = maxHours / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return step;
}

export async function returnTimeBins(file: string, maxHours: number): Promise<ReturnTimeBins> {
  const binHours = niceBinHours(maxHours);
  const counts: number[] = [];
  const replications = new Set<string>();
  let people = 0;
  const source = createReadStream(file);
  // Hashed as it is read: events.csv may be large, and must still be as manifest.json recorded it.
  const digest = createHash('sha256');
  source.on('data', (chunk) => digest.update(chunk));
  const parser = source.pipe(parse({ columns: true }));
  try {
    for await (const row of parser as AsyncIterable<Record<string, string>>) {
      if (row.outcome !== 'returned') continue;
      const hours = Number(row.exit_hours) - Number(row.arrived_hours);
      if (!Number.isFinite(hours) || hours < 0) throw new ReportInputError(file, `person ${row.person}: expected exit_hours >= arrived_hours for a returned person`);
      const bin = Math.floor(hours / binHours);
      while (counts.length <= bin) counts.push(0);
      counts[bin] += 1;
      people += 1;
      replications.add(row.replication);
    }
  } catch (error) {
    if (error instanceof ReportInputError) throw error;
    throw new ReportInputError(file, `not valid CSV: ${(error as Error).message}`);
  }
  checkRecordedDigest(file, digest.digest('hex'));
  return { binHours, counts, people, replications: replications.size };
}
