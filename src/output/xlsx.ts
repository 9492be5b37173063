// results.xlsx: the tables of an output folder as one workbook (--xlsx), read from the CSVs and
// scenario the folder holds, so a run and a merge of its shards write the same bytes.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { headerLabel, rowUnit, typedCell, type XlsxValue } from './xlsx-cells.js';
import { parameterSheetRows, PARAMETER_COLUMNS } from './xlsx-parameters.js';

export const XLSX_FILE = 'results.xlsx';

/** The tables that get a sheet, in sheet order, where the folder has them. */
const TABLES = ['summary', 'comparison', 'sweep', 'daily-mean'] as const;

/** Excel's limit, header included. */
const MAX_ROWS = 1_048_576;

/**
 * Every stamp a zip entry and the workbook's properties would otherwise take from the clock: the
 * same folder gives the same bytes. (The run's own time belongs in its manifest, not here.)
 */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

export interface Sheet {
  name: string;
  header: string[];
  rows: XlsxValue[][];
}

/** Writes results.xlsx into `dir` from the tables there; returns its path. */
export async function writeXlsx(dir: string): Promise<string> {
  const file = join(dir, XLSX_FILE);
  writeFileSync(file, await workbookBytes(folderSheets(dir)));
  return file;
}

export function folderSheets(dir: string): Sheet[] {
  const sheets: Sheet[] = [];
  for (const table of TABLES) {
    const csv = join(dir, `${table}.csv`);
    if (existsSync(csv)) sheets.push(csvSheet(table, readFileSync(csv, 'utf8')));
  }
  const scenario = folderScenario(dir);
  if (scenario) sheets.push({ name: 'parameters', header: [...PARAMETER_COLUMNS], rows: parameterSheetRows(scenario) });
  for (const s of sheets) {
    if (s.rows.length + 1 > MAX_ROWS) throw new Error(`${s.name} has ${s.rows.length} rows, more than a spreadsheet holds; use ${s.name}.csv`);
  }
  return sheets;
}

/** A CSV as a sheet: typed cells, a unit column after `metric` or `figure`, units in the header. */
export function csvSheet(name: string, text: string): Sheet {
  const [columns = [], ...records] = parse(text, { relax_column_count: false }) as string[][];
  const unitAfter = columns.indexOf('metric') >= 0 ? columns.indexOf('metric') : columns.indexOf('figure');
  const unitOf = unitAfter >= 0 ? (columns[unitAfter] as 'metric' | 'figure') : undefined;
  const header: string[] = [];
  columns.forEach((c, i) => {
    header.push(headerLabel(c));
    if (i === unitAfter) header.push('unit');
  });
  const rows = records.map((record) => {
    const row: XlsxValue[] = [];
    record.forEach((text, i) => {
      row.push(typedCell(columns[i], text));
      if (i === unitAfter && unitOf) row.push(rowUnit(unitOf, text) || null);
    });
    return row;
  });
  return { name, header, rows };
}

/** The scenario as run: scenario.json (run, sweep) or the reference variant's (compare). */
function folderScenario(dir: string): Record<string, unknown> | undefined {
  const single = join(dir, 'scenario.json');
  if (existsSync(single)) return (JSON.parse(readFileSync(single, 'utf8')) as Record<string, unknown> | null) ?? undefined;
  const variants = join(dir, 'variants.json');
  if (existsSync(variants)) return (JSON.parse(readFileSync(variants, 'utf8')) as { scenario: Record<string, unknown> }[])[0]?.scenario;
  return undefined;
}

export async function workbookBytes(sheets: readonly Sheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'mppsim';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    ws.columns = sheet.header.map((h) => ({ header: h, width: Math.min(60, Math.max(10, h.length + 2)) }));
    ws.getRow(1).font = { bold: true };
    for (const values of sheet.rows) {
      const row = ws.addRow(values);
      // Per cell: a column can mix dates with numbers (the parameters' values).
      values.forEach((v, i) => {
        if (v instanceof Date) row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
      });
    }
  }
  return restamp(Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** exceljs stamps each zip entry with the current time: rewrite the zip with one fixed date. */
async function restamp(bytes: Buffer): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    out.file(entry.name, await entry.async('nodebuffer'), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
