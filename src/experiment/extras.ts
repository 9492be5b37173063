// The optional files of a finished experiment (results.xlsx, report.html), whose libraries load
// only for a run that asks for them.

import { basename } from 'node:path';
import type { StagedOutput } from '../output/index.js';

// One place for each optional library's module: loaded ahead by preloadExtras, used by the writers.
const loadXlsx = () => import('../output/xlsx.js');
const loadReport = () => import('../output/report/index.js');

/** The optional files of a finished experiment: the workbook, then the report (which lists it). exceljs and vega load only when asked for. */
export async function writeExtras(staged: StagedOutput, files: string[], options: { report?: boolean; xlsx?: boolean }): Promise<void> {
  if (options.xlsx) {
    const { writeXlsx } = await loadXlsx();
    files.push(basename(await writeXlsx(staged.staging)));
  }
  if (options.report) files.push(basename(await writeReportLazily(staged.staging)));
}

/**
 * Starts loading the libraries of the files asked for while the replications run, when this thread is
 * idle: vega's some fifty modules took 0.4 s of the 1.3 s a report cost `npm start` once the tables were
 * written. What fails to load fails again, and is reported, when the file is written.
 */
export function preloadExtras(options: { report?: boolean; xlsx?: boolean }): void {
  if (options.xlsx) loadXlsx().catch(() => undefined);
  if (options.report) loadReport().catch(() => undefined);
}

/** vega and its packages load only for a run that asks for a report. */
export async function writeReportLazily(dir: string): Promise<string> {
  const { writeReport } = await loadReport();
  return writeReport(dir);
}
