// Fills a replication's daily table (daily-table.ts) a day at a time, from the rows the day clock
// closes. The first kept day fixes the layout: every day has the same stages, and a stage's
// optional counts follow what the scenario configures, so every day of it has the same ones.

import { InvariantError } from './invariants.js';
import { FIGURES, ROW_FIGURES, cellsOf, type PackedDaily, type RowFigure, type StageCells } from './daily-table.js';
import type { DailyRow, OptionalDailyCount } from './results.js';

export class DailyWriter {
  readonly packed: PackedDaily;
  private day = 0;
  /** Per stage, per ROW_FIGURES, whether its kind keeps the figure. */
  private hasFigure: boolean[][] = [];

  constructor(
    replication: number,
    firstDay: number,
    /** How many days will be kept: the arrays are made once, at their final size. */
    private readonly days: number,
  ) {
    this.packed = { replication, firstDay, dates: [], stages: [], stride: 0, values: new Float64Array(0), present: new Uint8Array(0) };
  }

  /** Keeps one day's rows, one per stage, in the order of every other day's. */
  addDay(date: string, rows: readonly DailyRow[]): void {
    const packed = this.packed;
    if (this.day === 0) this.layOut(rows);
    if (this.day >= this.days || rows.length !== packed.stages.length) {
      throw new InvariantError(`day ${packed.firstDay + this.day} does not fit the daily table (${rows.length} rows, ${this.days} days)`);
    }
    const { values, present } = packed;
    const base = this.day * packed.stride;
    for (let s = 0; s < rows.length; s++) {
      const row = rows[s];
      const stage = packed.stages[s];
      const has = this.hasFigure[s];
      let at = base + stage.offset;
      const counts = row.counts;
      for (let k = 0; k < stage.counts.length; k++) at = put(values, present, at, counts[stage.counts[k]]);
      for (let f = 0; f < ROW_FIGURES.length; f++) {
        const figure = ROW_FIGURES[f];
        if (has[f]) at = put(values, present, at, row[figure]);
        else if (row[figure] !== null) throw new InvariantError(`a ${row.kind} row has a ${figure}, which the daily table keeps only for ${kindsWith(figure)}`);
      }
      const optional = row.optional;
      for (let k = 0; k < stage.optional.length; k++) at = put(values, present, at, optional?.[stage.optional[k]]);
    }
    packed.dates.push(date);
    this.day++;
  }

  private layOut(rows: readonly DailyRow[]): void {
    const packed = this.packed;
    let offset = 0;
    packed.stages = rows.map((row): StageCells => {
      const optional = row.optional ? (Object.keys(row.optional) as OptionalDailyCount[]) : [];
      const stage = cellsOf(row.kind, row.id, optional, offset);
      offset += stage.counts.length + stage.figures.length + optional.length;
      return stage;
    });
    this.hasFigure = packed.stages.map((stage) => ROW_FIGURES.map((figure) => stage.figures.includes(figure)));
    packed.stride = offset;
    packed.values = new Float64Array(this.days * offset);
    packed.present = new Uint8Array(this.days * offset);
  }
}

function put(values: Float64Array, present: Uint8Array, at: number, value: number | null | undefined): number {
  if (value !== null && value !== undefined) {
    values[at] = value;
    present[at] = 1;
  }
  return at + 1;
}

function kindsWith(figure: RowFigure): string {
  return Object.entries(FIGURES)
    .filter(([, figures]) => figures.includes(figure))
    .map(([kind]) => kind)
    .join(', ');
}
