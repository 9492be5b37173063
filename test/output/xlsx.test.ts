// --xlsx: results.xlsx read back with exceljs holds the CSVs' values as typed cells (numbers, real
// dates, text), one sheet per table with a frozen header, and the same folder gives the same bytes.

import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/output/csv.js';
import { csvSheet, workbookBytes } from '../../src/output/xlsx.js';
import { ROOT, mppsim, tempDir } from '../support/cli.js';

const DEL_RIO = join(ROOT, 'scenarios/del-rio-cap.yaml');
const dir = tempDir('mppsim-xlsx-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(readFileSync(file)).buffer);
  return workbook;
}

/** Each CSV cell against the sheet's cell under the header that names the same column. */
function expectSheetEqualsCsv(sheet: ExcelJS.Worksheet, csvFile: string): void {
  const [columns, ...records] = parse(readFileSync(csvFile, 'utf8')) as string[][];
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  expect(sheet.rowCount).toBe(records.length + 1);
  const at = columns.map((c) => header.findIndex((h) => h === c || h.startsWith(`${c} (`)) + 1);
  expect(at.every((i) => i > 0), `${csvFile}: every column has a header`).toBe(true);
  records.forEach((record, r) => {
    const row = sheet.getRow(r + 2);
    record.forEach((text, c) => {
      const cell = row.getCell(at[c]);
      const where = `${sheet.name}!${cell.address} (${columns[c]})`;
      if (text === '') expect(cell.type, where).toBe(ExcelJS.ValueType.Null);
      else if (columns[c] === 'date') {
        expect(cell.type, where).toBe(ExcelJS.ValueType.Date);
        expect((cell.value as Date).toISOString().slice(0, 10), where).toBe(text);
      } else if (/^-?\d+(\.\d+)?$/.test(text) && !['metric', 'scope', 'variant', 'id'].includes(columns[c])) {
        expect(cell.type, where).toBe(ExcelJS.ValueType.Number);
        expect(cell.value, where).toBe(Number(text));
      } else {
        expect(cell.type, where).toBe(ExcelJS.ValueType.String);
        expect(cell.value, where).toBe(text);
      }
    });
  });
}

function expectFrozenHeader(sheet: ExcelJS.Worksheet): void {
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
}

describe('results.xlsx', () => {
  it('run --xlsx: summary, daily-mean and parameters sheets equal the CSVs, typed; the same run gives the same bytes', async () => {
    const outs = ['a', 'b'].map((name) => {
      const out = join(dir, `run-${name}`);
      const run = mppsim(['run', DEL_RIO, '--reps', '2', '--xlsx', '--out', out, '--quiet']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      return out;
    });
    const bytes = outs.map((out) => readFileSync(join(out, 'results.xlsx')));
    expect(bytes[0].equals(bytes[1])).toBe(true);

    // Two runs a second apart could share a clock stamp: check that nothing takes one.
    const zip = await JSZip.loadAsync(bytes[0]);
    const stamps = new Set(Object.values(zip.files).map((f) => f.date.toISOString()));
    expect(stamps).toEqual(new Set(['2000-01-01T00:00:00.000Z']));
    const workbook = await readWorkbook(join(outs[0], 'results.xlsx'));
    expect(workbook.created.toISOString()).toBe('2000-01-01T00:00:00.000Z');
    expect(workbook.modified.toISOString()).toBe('2000-01-01T00:00:00.000Z');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['summary', 'daily-mean', 'parameters']);
    for (const name of ['summary', 'daily-mean']) {
      const sheet = workbook.getWorksheet(name)!;
      expectFrozenHeader(sheet);
      expectSheetEqualsCsv(sheet, join(outs[0], `${name}.csv`));
    }
    const summary = workbook.getWorksheet('summary')!;
    expect(summary.getRow(1).values).toEqual([undefined, 'metric', 'unit', 'scope', 'mean', 'ci_low', 'ci_high', 'sd', 'n (replications)']);
    const waits = summary.getColumn(2).values.filter((_, i) => i > 1 && String(summary.getCell(i, 1).value).startsWith('wait_hours_'));
    expect(new Set(waits)).toEqual(new Set(['hours']));

    const parameters = workbook.getWorksheet('parameters')!;
    expectFrozenHeader(parameters);
    const cap = parameters.getRows(2, parameters.rowCount - 1)!.find((r) => r.getCell(1).value === 'ports.eagle-pass-laredo.dailyCap');
    expect(cap, 'the port cap is a parameter row').toBeDefined();
    expect(cap!.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(cap!.getCell(2).value).toBe(50);
    const start = parameters.getRows(2, parameters.rowCount - 1)!.find((r) => r.getCell(1).value === 'start');
    expect(start!.getCell(2).type).toBe(ExcelJS.ValueType.Date);
    expect(cap!.getCell(4).value).toMatch(/^(fact|assumption)$/);
  });

  it('compare --xlsx: a comparison sheet equal to comparison.csv, significant as text', async () => {
    const out = join(dir, 'compare');
    const run = mppsim(['compare', DEL_RIO, '--variant', 'cap-75:ports.eagle-pass-laredo.dailyCap=75', '--reps', '2', '--xlsx', '--out', out, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const workbook = await readWorkbook(join(out, 'results.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['summary', 'comparison', 'daily-mean', 'parameters']);
    expectSheetEqualsCsv(workbook.getWorksheet('comparison')!, join(out, 'comparison.csv'));
    expectSheetEqualsCsv(workbook.getWorksheet('summary')!, join(out, 'summary.csv'));
  });

  it('sweep --xlsx and merge --xlsx: a sweep sheet equal to sweep.csv; a merged run as the CSVs it merged', async () => {
    const sweep = join(dir, 'sweep');
    expect(mppsim(['sweep', DEL_RIO, '--set', 'ports.eagle-pass-laredo.dailyCap=40,60', '--reps', '2', '--xlsx', '--out', sweep, '--quiet']).code).toBe(0);
    const swept = await readWorkbook(join(sweep, 'results.xlsx'));
    expect(swept.worksheets.map((s) => s.name)).toContain('sweep');
    expectSheetEqualsCsv(swept.getWorksheet('sweep')!, join(sweep, 'sweep.csv'));
    const shards = [1, 2].map((i) => join(dir, `shard-${i}`));
    shards.forEach((out, i) => expect(mppsim(['run', DEL_RIO, '--reps', '2', '--shard', `${i + 1}/2`, '--out', out, '--quiet']).code).toBe(0));
    const merged = join(dir, 'merged');
    expect(mppsim(['merge', ...shards, '--out', merged, '--xlsx', '--quiet']).code).toBe(0);
    const workbook = await readWorkbook(join(merged, 'results.xlsx'));
    expectSheetEqualsCsv(workbook.getWorksheet('summary')!, join(merged, 'summary.csv'));
    expectFrozenHeader(workbook.getWorksheet('summary')!);
  });

  it('text that looks like a formula stays a text cell, never a formula', async () => {
    const text = toCsv(['metric', 'scope', 'mean', 'ci_low', 'ci_high', 'sd', 'n'], [['arrivals', '=HYPERLINK("x")', 1.5, null, null, null, 1]]);
    const sheet = csvSheet('summary', text);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(await workbookBytes([sheet])).buffer);
    const cell = workbook.getWorksheet('summary')!.getCell('C2');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('\'=HYPERLINK("x")');
    expect(workbook.getWorksheet('summary')!.getCell('D2').value).toBe(1.5);
  });
});
