// The calendar's pending events by entry: handler, argument, time and sequence number, written once
// when an event is scheduled and reused once it is delivered, plus a link so that entries can be
// chained into the calendar's time buckets. A free stack hands out entries without allocating.

import type { EventHandler } from './calendar.js';

export const NO_ENTRY = -1;

export class EventEntries {
  handlers: (EventHandler | undefined)[];
  args: Float64Array;
  times: Float64Array;
  seqs: Float64Array;
  /** The next entry in the same bucket list (NO_ENTRY: the last). */
  link: Int32Array;
  /** Free entries as a stack: positions 0 .. capacity - used - 1. */
  private free: Int32Array;
  used = 0;

  constructor(public capacity: number) {
    // Filled, so that it holds any value from the start: its first handler would otherwise change its
    // shape in mid-run, a change the next calendar's fresh array has not had.
    this.handlers = new Array<EventHandler | undefined>(capacity).fill(undefined);
    this.args = new Float64Array(capacity);
    this.times = new Float64Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.link = new Int32Array(capacity);
    this.free = Int32Array.from({ length: capacity }, (_, i) => capacity - 1 - i);
  }

  take(handler: EventHandler, arg: number, time: number, seq: number): number {
    const entry = this.free[this.capacity - 1 - this.used++];
    this.handlers[entry] = handler;
    this.args[entry] = arg;
    this.times[entry] = time;
    this.seqs[entry] = seq;
    return entry;
  }

  release(entry: number): void {
    this.handlers[entry] = undefined;
    this.free[this.capacity - 1 - --this.used] = entry;
  }

  /** Chains `entry` in front of the list starting at `head`: the new head. */
  push(entry: number, head: number): number {
    this.link[entry] = head;
    return entry;
  }

  /** Whether a pending event has this sequence number. */
  holdsSeq(seq: number): boolean {
    for (let e = 0; e < this.capacity; e++) if (this.handlers[e] !== undefined && this.seqs[e] === seq) return true;
    return false;
  }

  /** Called only when every entry is in use: the new ones are the free stack. */
  grow(capacity: number): void {
    const old = this.capacity;
    this.args = grown(this.args, new Float64Array(capacity));
    this.times = grown(this.times, new Float64Array(capacity));
    this.seqs = grown(this.seqs, new Float64Array(capacity));
    this.link = grown(this.link, new Int32Array(capacity));
    this.free = new Int32Array(capacity);
    for (let k = 0; k < capacity - old; k++) this.free[k] = capacity - 1 - k;
    this.handlers.length = capacity;
    this.capacity = capacity;
  }
}

/** `to`, holding a copy of `from` at its start. */
export function grown<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
