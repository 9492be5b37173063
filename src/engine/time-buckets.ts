// The calendar's later events, unsorted, by bucket of time (a calendar queue's idea): a ring of
// RING buckets after the current one, and an overflow list for events beyond the ring, sorted into
// it every RING buckets. Every event filed here is due at or after `horizon`; `takeNext` hands the
// calendar the next bucket's events, which are all due before the new horizon. Idle (horizon
// infinite, nothing filed) until the calendar starts it: a calendar with few events needs no buckets.

import { NO_ENTRY, type EventEntries } from './event-entries.js';

/** Buckets per hour (a power of two, so bucket arithmetic is exact: 1/32 h, under two minutes). */
const BUCKETS_PER_HOUR = 32;
/** Buckets in the ring: 32 hours, so a day of arrivals scheduled at midnight lands in the ring. */
const RING = 1024;
/** Fewer events than this left: the heap alone is faster, so `takeNext` hands them all back. */
const IDLE_BELOW = 64;

export class TimeBuckets {
  /** Events at or after this time are filed here; the calendar's heap holds the earlier ones. */
  horizon = Number.POSITIVE_INFINITY;
  /** Events filed and not yet taken. */
  count = 0;
  /** The last bucket taken; the ring holds buckets current+1 .. current+RING. */
  private current = 0;
  private readonly ring = new Int32Array(RING).fill(NO_ENTRY);
  private inRing = 0;
  private overflow = NO_ENTRY;
  /** The bucket at which the overflow list is next sorted into the ring. */
  private rescanAt = 0;

  constructor(private readonly entries: EventEntries) {}

  /** Starts filing events from the bucket after the one holding `time`; false if `time` is too large to bucket. */
  start(time: number): boolean {
    const k = Math.floor(time * BUCKETS_PER_HOUR);
    if (!Number.isSafeInteger(k + 2 * RING)) return false;
    this.current = k;
    this.horizon = (k + 1) / BUCKETS_PER_HOUR;
    this.rescanAt = k + RING;
    return true;
  }

  /** Files an event due at or after the horizon under its bucket. */
  file(entry: number, time: number): void {
    this.count++;
    this.place(entry, time);
  }

  /**
   * Moves on to the next bucket with events and returns them as a list through `entries.link`, all
   * due before the new horizon. Empty buckets are skipped; with the ring empty it jumps to the
   * overflow's first bucket. With few events left, or the first too far to bucket, it hands over
   * everything and goes idle (`takeAll`).
   */
  takeNext(): number {
    if (this.count < IDLE_BELOW) return this.takeAll();
    for (;;) {
      if (this.inRing === 0 && !this.jumpToOverflow()) return this.takeAll();
      const k = ++this.current;
      const slot = k & (RING - 1);
      const list = this.ring[slot];
      this.ring[slot] = NO_ENTRY;
      // Overflow events are all beyond rescanAt, so skipping up to it misses none.
      if (k >= this.rescanAt) this.rescan();
      if (list === NO_ENTRY) continue;
      for (let e = list; e !== NO_ENTRY; e = this.entries.link[e]) {
        this.inRing--;
        this.count--;
      }
      this.horizon = (k + 1) / BUCKETS_PER_HOUR;
      return list;
    }
  }

  /** Every event filed, as one list, and back to idle. */
  private takeAll(): number {
    let all = this.overflow;
    for (let slot = 0; slot < RING && this.inRing > 0; slot++) {
      for (let e = this.ring[slot]; e !== NO_ENTRY; ) {
        const next = this.entries.link[e];
        all = this.entries.push(e, all);
        this.inRing--;
        e = next;
      }
      this.ring[slot] = NO_ENTRY;
    }
    this.overflow = NO_ENTRY;
    this.count = 0;
    this.horizon = Number.POSITIVE_INFINITY;
    return all;
  }

  /** Makes the overflow's first bucket the next one; false if its number is too large to compute with. */
  private jumpToOverflow(): boolean {
    let first = Number.POSITIVE_INFINITY;
    for (let e = this.overflow; e !== NO_ENTRY; e = this.entries.link[e]) first = Math.min(first, this.entries.times[e]);
    if (!this.start(first)) return false;
    this.current--;
    this.rescan();
    return true;
  }

  private place(entry: number, time: number): void {
    const k = Math.floor(time * BUCKETS_PER_HOUR);
    if (k <= this.current + RING) {
      this.ring[k & (RING - 1)] = this.entries.push(entry, this.ring[k & (RING - 1)]);
      this.inRing++;
    } else {
      this.overflow = this.entries.push(entry, this.overflow);
    }
  }

  /** Moves the overflow events whose bucket is now within the ring into it. */
  private rescan(): void {
    const list = this.overflow;
    this.overflow = NO_ENTRY;
    for (let e = list; e !== NO_ENTRY; ) {
      const next = this.entries.link[e];
      this.place(e, this.entries.times[e]);
      e = next;
    }
    this.rescanAt = this.current + RING;
  }
}
