// Where groups leave the model: the ledger per sector of origin (all time, for conservation), the
// counted exits and waits after warm-up, per-person records, and the recount of who is still in custody.

import { QuantileSketch } from '../stats/quantile-sketch.js';
import type { ModelContext } from './context.js';
import { IN_MEXICO } from './groups.js';
import { ALL_EXITS, type Exit, type PersonSink } from './results.js';

interface ExitTally {
  ledger: Float64Array;
  byOrigin: Float64Array;
  waits: QuantileSketch;
  bySector: QuantileSketch[];
  byCategory: QuantileSketch[];
}

export class Exits {
  /** All-time counts per sector of origin, for the conservation invariant (warm-up included). */
  readonly ledger: Record<Exit | 'arrivals', Float64Array>;
  /** Exits per sector of origin after warm-up (the ledger's counted share). */
  readonly byOrigin: Record<Exit, Float64Array>;
  /** Time from arrival to each exit, per person, after warm-up. */
  readonly waits: Record<Exit, QuantileSketch>;
  /** The same waits split by sector of origin, and by category: [exit][sector or category index]. */
  readonly waitsBySector: Record<Exit, QuantileSketch[]>;
  readonly waitsByCategory: Record<Exit, QuantileSketch[]>;
  /** Who was in custody, per sector of origin, when counting began after a warm-up. */
  inCustodyAtStart: Float64Array | null = null;
  inMexicoAtStart: Float64Array | null = null;
  /** The same arrays and sketches gathered per exit: `record` makes one keyed lookup, not five. */
  private readonly tallies: Record<Exit, ExitTally>;
  private nextPerson = 0;

  constructor(
    private readonly ctx: ModelContext,
    private readonly sectorIds: readonly string[],
    private readonly categoryIds: readonly string[],
    private readonly onPerson: PersonSink | undefined,
  ) {
    const n = sectorIds.length;
    const perExit = <T>(make: () => T): Record<Exit, T> => Object.fromEntries(ALL_EXITS.map((e) => [e, make()])) as Record<Exit, T>;
    this.ledger = { arrivals: new Float64Array(n), ...perExit(() => new Float64Array(n)) };
    this.byOrigin = perExit(() => new Float64Array(n));
    this.waits = perExit(() => new QuantileSketch());
    this.waitsBySector = perExit(() => sectorIds.map(() => new QuantileSketch()));
    this.waitsByCategory = perExit(() => categoryIds.map(() => new QuantileSketch()));
    this.tallies = Object.fromEntries(
      ALL_EXITS.map((e) => [e, { ledger: this.ledger[e], byOrigin: this.byOrigin[e], waits: this.waits[e], bySector: this.waitsBySector[e], byCategory: this.waitsByCategory[e] }]),
    ) as Record<Exit, ExitTally>;
  }

  /** A group has arrived: its people are numbered and counted in. */
  arrive(slot: number): void {
    const g = this.ctx.groups;
    g.firstPerson[slot] = this.nextPerson;
    this.nextPerson += g.size[slot];
    this.ledger.arrivals[g.origin[slot]] += g.size[slot];
  }

  /** A group leaves through `outcome`; its slot in the group table is freed. */
  record(slot: number, outcome: Exit): void {
    const g = this.ctx.groups;
    const size = g.size[slot];
    const origin = g.origin[slot];
    const now = this.ctx.calendar.now;
    const tally = this.tallyOf(outcome);
    tally.ledger[origin] += size;
    if (this.ctx.counting) {
      tally.byOrigin[origin] += size;
      const wait = now - g.arrived[slot];
      const bucket = QuantileSketch.bucketOf(wait);
      tally.waits.addAt(bucket, wait, size);
      tally.bySector[origin].addAt(bucket, wait, size);
      tally.byCategory[g.category[slot]].addAt(bucket, wait, size);
    }
    this.emitPeople(slot, outcome, now);
    g.release(slot);
  }

  /** A switch on the exit, not `tallies[outcome]`: a keyed load whose key varies is megamorphic (a stub-cache lookup per exit). */
  private tallyOf(outcome: Exit): ExitTally {
    const t = this.tallies;
    switch (outcome) {
      case 'returned':
        return t.returned;
      case 'released':
        return t.released;
      case 'screened_out':
        return t.screened_out;
      case 'other':
        return t.other;
      case 'in_absentia':
        return t.in_absentia;
      case 'removal_ordered':
        return t.removal_ordered;
      case 'relief':
        return t.relief;
      case 'terminated':
        return t.terminated;
    }
  }

  /** The counted window begins: remember who is already held, so the window's balance can be shown. */
  startCounting(): void {
    this.inCustodyAtStart = this.inCustodyByOrigin();
    this.inMexicoAtStart = this.inMexicoByOrigin();
  }

  /** People in US custody now (held, on a bus, or crossed back for a hearing), per sector of origin, counted afresh from the group table. */
  inCustodyByOrigin(): Float64Array {
    return this.countByOrigin((phase) => phase !== IN_MEXICO);
  }

  /** People waiting in Mexico for a hearing now, per sector of origin. */
  inMexicoByOrigin(): Float64Array {
    return this.countByOrigin((phase) => phase === IN_MEXICO);
  }

  /** Emits a record for everyone still in custody or in Mexico at the end of the run. */
  flushPeopleInCustody(): void {
    if (!this.onPerson) return;
    const g = this.ctx.groups;
    this.forEachGroupInCustody((slot) => this.emitPeople(slot, g.phase[slot] === IN_MEXICO ? 'in_mexico' : 'in_custody', null));
  }

  private countByOrigin(counts: (phase: number) => boolean): Float64Array {
    const g = this.ctx.groups;
    const people = new Float64Array(this.sectorIds.length);
    this.forEachGroupInCustody((slot) => {
      if (counts(g.phase[slot])) people[g.origin[slot]] += g.size[slot];
    });
    return people;
  }

  private emitPeople(slot: number, outcome: Exit | 'in_custody' | 'in_mexico', now: number | null): void {
    if (!this.onPerson) return;
    const g = this.ctx.groups;
    const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);
    for (let i = 0; i < g.size[slot]; i++) {
      this.onPerson({
        replication: this.ctx.replication,
        person: g.firstPerson[slot] + i,
        group: g.serial[slot],
        groupSize: g.size[slot],
        sector: this.sectorIds[g.origin[slot]],
        category: this.categoryIds[g.category[slot]],
        arrivedHours: g.arrived[slot],
        processedHours: orNull(g.processed[slot]),
        boardedHours: orNull(g.boarded[slot]),
        busArrivedHours: orNull(g.busArrived[slot]),
        interviewedHours: orNull(g.interviewed[slot]),
        exitHours: now,
        outcome,
        site: this.sectorIds[g.site[slot]],
        firstReturnedHours: orNull(g.firstReturned[slot]),
        hearings: g.court[slot] >= 0 ? g.hearingsHeld[slot] : null,
      });
    }
  }

  /** Groups that have arrived and not left: at a site, on a bus, in Mexico or at a hearing. */
  private forEachGroupInCustody(visit: (slot: number) => void): void {
    const g = this.ctx.groups;
    for (let slot = 0; slot < g.capacity; slot++) {
      if (g.alive[slot] && !Number.isNaN(g.arrived[slot])) visit(slot);
    }
  }
}
