// Our own event calendar: a 4-ary min-heap over (time, insertion order) for the events due soon,
// in front of unsorted time buckets for the later ones (a calendar queue's idea). Everything in the
// heap is due before `horizon`, everything in a bucket at or after it, so the heap's top is always
// the next event; when the heap runs dry the next bucket is poured into it. The heap stays as small
// as a bucket's events rather than everything pending (a day of arrivals is scheduled at midnight),
// and the order is exactly the heap's: by time, then by insertion. Buckets are used only while many
// events are pending (a sparse calendar would step through empty ones). Parallel typed arrays: no
// allocation per event once grown. Only numbers move; an event's handler and argument are written
// once into its entry (EventEntries) and read once when it is delivered.

import { checkScheduleTime, storedTime, type EventCalendar, type EventHandler, type EventId } from './calendar.js';
import { EventEntries, NO_ENTRY, grown } from './event-entries.js';
import { TimeBuckets } from './time-buckets.js';

const INITIAL_CAPACITY = 1024;
/** The heap's size at which later events move to the time buckets (which hand them all back once few are left). */
const SPILL_AT = 512;

export class HeapCalendar implements EventCalendar {
  private times = new Float64Array(INITIAL_CAPACITY);
  // Insertion sequence numbers: the tie-breaker, exactly as simjs's PQueue `order`. Also the EventId.
  private seqs = new Float64Array(INITIAL_CAPACITY);
  /** The entry of the event at each heap position. */
  private heapEntries = new Int32Array(INITIAL_CAPACITY);
  private size = 0;
  private readonly entries = new EventEntries(INITIAL_CAPACITY);
  private readonly later = new TimeBuckets(this.entries);
  private nextSeq = 0;
  private cancelled = new Set<EventId>();
  private clock = 0;
  private deliveredCount = 0;

  get now(): number {
    return this.clock;
  }

  get pending(): number {
    return this.entries.used - this.cancelled.size;
  }

  get delivered(): number {
    return this.deliveredCount;
  }

  schedule(at: number, handler: EventHandler, arg = 0): EventId {
    checkScheduleTime(this.clock, at);
    if (this.entries.used === this.entries.capacity) this.grow();
    const seq = this.nextSeq++;
    const time = storedTime(this.clock, at);
    const entry = this.entries.take(handler, arg, time, seq);
    if (time < this.later.horizon) {
      this.siftUp(this.size++, time, seq, entry);
      if (this.size >= SPILL_AT && this.later.horizon === Number.POSITIVE_INFINITY) this.spill();
    } else {
      this.later.file(entry, time);
    }
    return seq;
  }

  cancel(id: EventId): void {
    if (id >= this.nextSeq || this.cancelled.has(id)) return;
    // Only pending ids may be marked, or `pending` would drift; cancel is rare, so a scan is fine.
    if (this.entries.holdsSeq(id)) this.cancelled.add(id);
  }

  runUntil(until: number): void {
    this.deliver(until, true);
    this.clock = until;
  }

  runBefore(until: number): void {
    this.deliver(until, false);
    this.clock = until;
  }

  private deliver(until: number, inclusive: boolean): void {
    if (!(until >= this.clock)) throw new RangeError(`cannot run back to ${until} h: the clock is at ${this.clock} h`);
    const entries = this.entries;
    for (;;) {
      if (this.size === 0) {
        // Every event left is in a bucket, due at or after the horizon.
        const later = this.later;
        if (later.count === 0 || later.horizon > until || (!inclusive && later.horizon === until)) break;
        this.pourNext();
        continue;
      }
      const time = this.times[0];
      if (!(time < until || (inclusive && time === until))) break;
      const seq = this.seqs[0];
      const entry = this.heapEntries[0];
      const handler = entries.handlers[entry] as EventHandler;
      const arg = entries.args[entry];
      this.popTop();
      entries.release(entry);
      if (this.cancelled.size > 0 && this.cancelled.delete(seq)) continue;
      this.clock = time;
      this.deliveredCount++;
      handler(arg);
    }
  }

  /** Moves the next bucket's events into the (empty) heap. */
  private pourNext(): void {
    const entries = this.entries;
    for (let e = this.later.takeNext(); e !== NO_ENTRY; e = entries.link[e]) this.siftUp(this.size++, entries.times[e], entries.seqs[e], e);
  }

  /** The heap has grown large: events after the next one's bucket move to the time buckets. */
  private spill(): void {
    if (!this.later.start(this.times[0])) return;
    const held = this.heapEntries.slice(0, this.size);
    const entries = this.entries;
    this.size = 0;
    for (const e of held) {
      const time = entries.times[e];
      if (time < this.later.horizon) this.siftUp(this.size++, time, entries.seqs[e], e);
      else this.later.file(e, time);
    }
  }

  private siftUp(index: number, time: number, seq: number, entry: number): void {
    const { times, seqs, heapEntries } = this;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const parentTime = times[parent];
      if (time > parentTime || (time === parentTime && seq > seqs[parent])) break;
      times[i] = parentTime;
      seqs[i] = seqs[parent];
      heapEntries[i] = heapEntries[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    heapEntries[i] = entry;
  }

  /** Removes the top: the last event sifts down from the root, the smallest child's key kept in locals. */
  private popTop(): void {
    const last = --this.size;
    if (last === 0) return;
    const { times, seqs, heapEntries } = this;
    const time = times[last];
    const seq = seqs[last];
    const entry = heapEntries[last];
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= last) break;
      let child = first;
      let childTime = times[first];
      let childSeq = seqs[first];
      const end = first + 4 < last ? first + 4 : last;
      for (let c = first + 1; c < end; c++) {
        const t = times[c];
        if (t < childTime || (t === childTime && seqs[c] < childSeq)) {
          child = c;
          childTime = t;
          childSeq = seqs[c];
        }
      }
      if (time < childTime || (time === childTime && seq < childSeq)) break;
      times[i] = childTime;
      seqs[i] = childSeq;
      heapEntries[i] = heapEntries[child];
      i = child;
    }
    times[i] = time;
    seqs[i] = seq;
    heapEntries[i] = entry;
  }

  private grow(): void {
    const capacity = this.entries.capacity * 2;
    this.times = grown(this.times, new Float64Array(capacity));
    this.seqs = grown(this.seqs, new Float64Array(capacity));
    this.heapEntries = grown(this.heapEntries, new Int32Array(capacity));
    this.entries.grow(capacity);
  }
}
