// What the peers share: bench/pipeline.yaml read as a peer's user would read it (the yaml package,
// no mppsim code, so a peer's whole process loads only its library), the totals every peer reports,
// and the command line each peer file runs as. The model itself is written anew in each peer file.

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

export interface SectorParams {
  peoplePerDay: number;
  holdingCapacity: number;
  agents: number;
  processingHoursMean: number;
  enrolledFraction: number;
}

/** The two-sector pipeline of issue 18: Tucson buses its enrollees to El Paso, which screens and returns them. */
export interface PipelineParams {
  days: number;
  groupSizes: number[];
  groupWeights: number[];
  meanGroupSize: number;
  tucson: SectorParams;
  elPaso: SectorParams;
  bus: { departureHour: number; seats: number; travelHours: number };
  screening: { fearFraction: number; fromHour: number; toHour: number; officers: number; interviewHoursMean: number; positiveRate: number };
  port: { dailyCap: number; openHour: number; closeHour: number };
}

/** People, and mean hours from arrival to the exit (per person), over one replication. */
export interface PeerTotals {
  arrivals: number;
  released: number;
  other: number;
  boarded: number;
  screenedOut: number;
  returned: number;
  inCustodyEnd: number;
  waitToReturnHours: number;
  waitToScreenedOutHours: number;
}

/** Each total's name in mppsim's replications.csv (metric, scope). */
export const MPPSIM_FIGURES: Record<keyof PeerTotals, [string, string]> = {
  arrivals: ['arrivals', 'total'],
  released: ['released', 'total'],
  other: ['other', 'total'],
  boarded: ['boarded', 'tucson-el-paso'],
  screenedOut: ['screened_out', 'total'],
  returned: ['returned', 'total'],
  inCustodyEnd: ['in_custody_end', 'total'],
  waitToReturnHours: ['wait_hours_mean', 'returned'],
  waitToScreenedOutHours: ['wait_hours_mean', 'screened_out'],
};

type Tree = Record<string, unknown>;

function at(tree: unknown, path: string): unknown {
  let node = tree;
  for (const key of path.split('.')) node = (node as Tree | undefined)?.[key];
  if (node === undefined) throw new Error(`bench/pipeline.yaml: ${path} is missing, and the peers model exactly the pipeline of issue 18`);
  return node;
}

const num = (tree: unknown, path: string): number => Number(at(tree, path));
const hours = (clock: unknown): number => {
  const [h, m] = String(clock).split(':').map(Number);
  return h + m / 60;
};

function sector(doc: unknown, id: string): SectorParams {
  const s = `sectors.${id}`;
  if (at(doc, `${s}.processing.hoursPerGroup.dist`) !== 'exponential') throw new Error(`bench/pipeline.yaml: ${s} processing must be exponential`);
  return {
    peoplePerDay: num(doc, `${s}.arrivals.peoplePerDay`),
    holdingCapacity: num(doc, `${s}.holdingCapacity`),
    agents: num(doc, `${s}.processing.agents`),
    processingHoursMean: num(doc, `${s}.processing.hoursPerGroup.mean`),
    enrolledFraction: num(doc, `${s}.mpp.enrolledFraction`),
  };
}

export function readPipeline(file = 'bench/pipeline.yaml'): PipelineParams {
  const doc: unknown = parse(readFileSync(file, 'utf8'));
  const size = at(doc, 'categories.family-unit.groupSize') as { values: number[]; weights: number[] };
  const total = size.weights.reduce((a, b) => a + b, 0);
  const shift = (at(doc, 'screenings.el-paso-screening.officers') as { from: string; to: string; count: number }[])[0];
  const route = 'busRoutes.tucson-el-paso';
  return {
    days: num(doc, 'days'),
    groupSizes: size.values,
    groupWeights: size.weights.map((w) => w / total),
    meanGroupSize: size.values.reduce((sum, v, i) => sum + (v * size.weights[i]) / total, 0),
    tucson: sector(doc, 'tucson'),
    elPaso: sector(doc, 'el-paso'),
    bus: { departureHour: hours((at(doc, `${route}.departures`) as string[])[0]), seats: num(doc, `${route}.seatsPerBus`), travelHours: num(doc, `${route}.travelHours.value`) },
    screening: {
      fearFraction: num(doc, 'screenings.el-paso-screening.fearFraction'),
      fromHour: hours(shift.from),
      toHour: hours(shift.to),
      officers: shift.count,
      interviewHoursMean: num(doc, 'screenings.el-paso-screening.interviewMinutes.mean') / 60,
      positiveRate: num(doc, 'screenings.el-paso-screening.positiveRate'),
    },
    port: { dailyCap: num(doc, 'ports.ciudad-juarez.dailyCap'), openHour: hours(at(doc, 'ports.ciudad-juarez.hours.open')), closeHour: hours(at(doc, 'ports.ciudad-juarez.hours.close')) },
  };
}

/** Holding places at a sector: occupied, plus places reserved for people on a bus bound here. */
export class Site {
  occupied = 0;
  reserved = 0;
  constructor(readonly capacity: number) {}
  get free(): number {
    return this.capacity - this.occupied - this.reserved;
  }
}

/** Exits counted as people, with each person's hours from arrival to the exit summed for the means. */
export class PeerLedger {
  arrivals = 0;
  released = 0;
  other = 0;
  boarded = 0;
  screenedOut = 0;
  returned = 0;
  private returnHours = 0;
  private screenedOutHours = 0;

  exit(kind: 'released' | 'other' | 'screenedOut' | 'returned', size: number, arrivedAt: number, now: number): void {
    this[kind] += size;
    if (kind === 'returned') this.returnHours += size * (now - arrivedAt);
    if (kind === 'screenedOut') this.screenedOutHours += size * (now - arrivedAt);
  }

  totals(inCustodyEnd: number): PeerTotals {
    const { arrivals, released, other, boarded, screenedOut, returned } = this;
    return { arrivals, released, other, boarded, screenedOut, returned, inCustodyEnd, waitToReturnHours: this.returnHours / returned, waitToScreenedOutHours: this.screenedOutHours / screenedOut };
  }
}

/** A group's size drawn from the category's weights with one uniform draw. */
export function groupSize(params: PipelineParams, u: number): number {
  let cumulative = 0;
  for (let i = 0; i < params.groupSizes.length - 1; i++) if (u < (cumulative += params.groupWeights[i])) return params.groupSizes[i];
  return params.groupSizes[params.groupSizes.length - 1];
}

export type PeerRun = (params: PipelineParams, seed: number) => PeerTotals;

/**
 * A peer file run as a command: `peer-x.ts [reps] [seed] [file]` runs `reps` replications of seeds
 * seed, seed+1, … and prints one JSON line: each replication's totals and milliseconds.
 */
export function runAsCommand(moduleUrl: string, run: PeerRun): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  const [reps = '1', seed = '1', file = 'bench/pipeline.yaml'] = process.argv.slice(2);
  const params = readPipeline(file);
  const replications: { totals: PeerTotals; ms: number }[] = [];
  for (let r = 0; r < Number(reps); r++) {
    const t0 = performance.now();
    const totals = run(params, Number(seed) + r);
    replications.push({ totals, ms: performance.now() - t0 });
  }
  process.stdout.write(`${JSON.stringify({ replications })}\n`);
}
