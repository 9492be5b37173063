// Fills a replication's daily table (daily-table.ts) a day at a time, from the rows the day clock
// closes. The first kept day fixes the layout: every day has the same stages, and a stage's
// optional counts follow what the scenario configures, so every day of it has the same ones.

import { InvariantError } from './invariants.js';
import { ROW_FIGURES, cellsOf, type PackedDaily, type StageCells } from './daily-table.js';
import type { DailyRow, OptionalDailyCount } from './results.js';

export class DailyWriter {
  readonly packed: PackedDaily;
  private day = 0;

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
      let at = base + stage.offset;
      const counts = row.counts;
      for (let k = 0; k < stage.counts.length; k++) at = put(values, present, at, counts[stage.counts[k]]);
      at = put(values, present, at, row.queueEnd);
      at = put(values, present, at, row.queueMean);
      at = put(values, present, at, row.queueMax);
      at = put(values, present, at, row.occupancyEnd);
      at = put(values, present, at, row.occupancyMean);
      at = put(values, present, at, row.occupancyMax);
      at = put(values, present, at, row.utilization);
      at = put(values, present, at, row.busLoadFactor);
      at = put(values, present, at, row.docketLeadDays);
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
      offset += stage.counts.length + ROW_FIGURES.length + optional.length;
      return stage;
    });
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
