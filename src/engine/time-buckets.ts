// The calendar's later events, unsorted, by bucket of time (a calendar queue's idea): a ring of
// RING buckets after the current one, and an overflow list for events beyond the ring, sorted into
// it every RING buckets. Every event filed here is due at or after `horizon`; `takeNext` hands the
// calendar the next bucket's events, which are all due before the new horizon.

import { NO_ENTRY, type EventEntries } from './event-entries.js';

/** Buckets per hour (a power of two, so bucket arithmetic is exact: 1/32 h, under two minutes). */
const BUCKETS_PER_HOUR = 32;
/** Buckets in the ring: 32 hours, so a day of arrivals scheduled at midnight lands in the ring. */
const RING = 1024;

export class TimeBuckets {
  /** Events at or after this time are filed here; the calendar's heap holds the earlier ones. */
  horizon = 1 / BUCKETS_PER_HOUR;
  /** Events filed and not yet taken. */
  count = 0;
  /** The last bucket taken; the ring holds buckets current+1 .. current+RING. */
  private current = 0;
  private readonly ring = new Int32Array(RING).fill(NO_ENTRY);
  private inRing = 0;
  private overflow = NO_ENTRY;
  /** The bucket at which the overflow list is next sorted into the ring. */
  private rescanAt = RING;

  constructor(private readonly entries: EventEntries) {}

  /** Files an event due at or after the horizon under its bucket. */
  file(entry: number, time: number): void {
    this.count++;
    this.place(entry, time);
  }

  /**
   * Moves on to the next bucket and returns its events as a list through `entries.link` (possibly
   * empty), all due before the new horizon. When the ring is empty it jumps to the overflow's first
   * bucket; times too far for bucket numbers are all handed over at once, and nothing is filed again.
   */
  takeNext(): number {
    if (this.inRing === 0) {
      let first = Number.POSITIVE_INFINITY;
      for (let e = this.overflow; e !== NO_ENTRY; e = this.entries.link[e]) first = Math.min(first, this.entries.times[e]);
      const k = Math.floor(first * BUCKETS_PER_HOUR);
      if (!Number.isSafeInteger(k + RING)) {
        const all = this.overflow;
        this.overflow = NO_ENTRY;
        this.count = 0;
        this.horizon = Number.POSITIVE_INFINITY;
        return all;
      }
      this.current = k - 1;
      this.rescan();
    }
    const k = ++this.current;
    this.horizon = (k + 1) / BUCKETS_PER_HOUR;
    const slot = k & (RING - 1);
    const list = this.ring[slot];
    this.ring[slot] = NO_ENTRY;
    for (let e = list; e !== NO_ENTRY; e = this.entries.link[e]) {
      this.inRing--;
      this.count--;
    }
    if (k >= this.rescanAt) this.rescan();
    return list;
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
