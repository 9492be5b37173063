// `writeReport(dir)`: reads an output folder and writes DIR/report.html, one self-contained page,
// atomically (a temporary file renamed into place). The same folder gives the same bytes.

import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadFacts } from '../../scenario/index.js';
import { recordAddedFile } from '../manifest.js';
import { compareReportPage } from './compare-report.js';
import { renderPage, type ReportPage } from './page.js';
import { readCompareFolder, readSizeFolder, readSweepFolder } from './read-experiment-folder.js';
import { checkFolder, readRunFolder } from './read-run-folder.js';
import { runReportPage } from './run-report.js';
import { sizeReportPage } from './size-report.js';
import { sweepReportPage } from './sweep-report.js';

/** The report's file name in an output folder. */
export const REPORT_FILE = 'report.html';

/**
 * Writes the report of the output folder `dir` and returns its path. Asynchronous because vega
 * renders charts asynchronously. Throws ReportInputError naming the file when the folder or one of
 * its files is missing or malformed.
 */
export async function writeReport(dir: string): Promise<string> {
  const html = renderPage(await reportPage(dir));
  const target = resolve(dir, REPORT_FILE);
  const temporary = join(resolve(dir), `.tmp-${REPORT_FILE}-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    writeFileSync(temporary, html);
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
  await recordAddedFile(resolve(dir), REPORT_FILE);
  return target;
}

/**
 * The page for a folder, by the file that tells what made it: comparison.csv (`mppsim compare`),
 * sweep.csv (`mppsim sweep`), size.csv (`mppsim size`), else the folder of one run (`mppsim run`). Each kind has its own
 * reader and page builder; a new kind of output folder adds one more line here.
 */
export async function reportPage(dir: string): Promise<ReportPage> {
  checkFolder(dir);
  if (existsSync(join(dir, 'comparison.csv'))) return compareReportPage(readCompareFolder(dir), loadFacts());
  if (existsSync(join(dir, 'sweep.csv'))) return sweepReportPage(readSweepFolder(dir), loadFacts());
  if (existsSync(join(dir, 'size.csv'))) return sizeReportPage(readSizeFolder(dir), loadFacts());
  return runReportPage(readRunFolder(dir), loadFacts());
}
