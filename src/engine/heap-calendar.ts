// Our own event calendar: a binary min-heap over (time, insertion order), stored as parallel
// typed arrays so that scheduling an event allocates nothing once the arrays have grown.

import { checkScheduleTime, storedTime, type EventCalendar, type EventHandler, type EventId } from './calendar.js';

const INITIAL_CAPACITY = 1024;

export class HeapCalendar implements EventCalendar {
  private times = new Float64Array(INITIAL_CAPACITY);
  // Insertion sequence numbers: the tie-breaker, exactly as simjs's PQueue `order`. Also the EventId.
  private seqs = new Float64Array(INITIAL_CAPACITY);
  private handlers: (EventHandler | undefined)[] = new Array(INITIAL_CAPACITY);
  private args = new Float64Array(INITIAL_CAPACITY);
  private size = 0;
  private nextSeq = 0;
  private cancelled = new Set<EventId>();
  private clock = 0;
  private deliveredCount = 0;

  get now(): number {
    return this.clock;
  }

  get pending(): number {
    return this.size - this.cancelled.size;
  }

  get delivered(): number {
    return this.deliveredCount;
  }

  schedule(at: number, handler: EventHandler, arg = 0): EventId {
    checkScheduleTime(this.clock, at);
    if (this.size === this.times.length) this.grow();
    const seq = this.nextSeq++;
    this.siftUp(this.size++, storedTime(this.clock, at), seq, handler, arg);
    return seq;
  }

  cancel(id: EventId): void {
    if (id >= this.nextSeq || this.cancelled.has(id)) return;
    // Only ids still in the heap may be marked, or `pending` would drift; cancel is rare, so a scan is fine.
    for (let i = 0; i < this.size; i++) {
      if (this.seqs[i] === id) {
        this.cancelled.add(id);
        return;
      }
    }
  }

  runUntil(until: number): void {
    this.deliver(until, true);
  }

  runBefore(until: number): void {
    this.deliver(until, false);
  }

  private deliver(until: number, inclusive: boolean): void {
    if (!(until >= this.clock)) throw new RangeError(`cannot run back to ${until} h: the clock is at ${this.clock} h`);
    while (this.size > 0 && (this.times[0] < until || (inclusive && this.times[0] === until))) {
      const time = this.times[0];
      const seq = this.seqs[0];
      const handler = this.handlers[0] as EventHandler;
      const arg = this.args[0];
      this.popTop();
      if (this.cancelled.size > 0 && this.cancelled.delete(seq)) continue;
      this.clock = time;
      this.deliveredCount++;
      handler(arg);
    }
    this.clock = until;
  }

  private before(timeA: number, seqA: number, i: number): boolean {
    const timeB = this.times[i];
    return timeA < timeB || (timeA === timeB && seqA < this.seqs[i]);
  }

  private siftUp(index: number, time: number, seq: number, handler: EventHandler, arg: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(time, seq, parent)) break;
      this.move(parent, i);
      i = parent;
    }
    this.put(i, time, seq, handler, arg);
  }

  private popTop(): void {
    const last = --this.size;
    const times = this.times;
    const seqs = this.seqs;
    const time = times[last];
    const seq = seqs[last];
    const handler = this.handlers[last] as EventHandler;
    const arg = this.args[last];
    this.handlers[last] = undefined;
    if (last === 0) return;
    let i = 0;
    const half = last >> 1;
    // Sift down with the candidate child's key in locals: this loop is the calendar's hot path.
    while (i < half) {
      let child = 2 * i + 1;
      let childTime = times[child];
      let childSeq = seqs[child];
      const right = child + 1;
      if (right < last) {
        const rightTime = times[right];
        if (rightTime < childTime || (rightTime === childTime && seqs[right] < childSeq)) {
          child = right;
          childTime = rightTime;
          childSeq = seqs[right];
        }
      }
      if (time < childTime || (time === childTime && seq < childSeq)) break;
      times[i] = childTime;
      seqs[i] = childSeq;
      this.handlers[i] = this.handlers[child];
      this.args[i] = this.args[child];
      i = child;
    }
    this.put(i, time, seq, handler, arg);
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from];
    this.seqs[to] = this.seqs[from];
    this.handlers[to] = this.handlers[from];
    this.args[to] = this.args[from];
  }

  private put(i: number, time: number, seq: number, handler: EventHandler, arg: number): void {
    this.times[i] = time;
    this.seqs[i] = seq;
    this.handlers[i] = handler;
    this.args[i] = arg;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    times.set(this.times);
    const seqs = new Float64Array(capacity);
    seqs.set(this.seqs);
    const args = new Float64Array(capacity);
    args.set(this.args);
    this.times = times;
    this.seqs = seqs;
    this.args = args;
    this.handlers.length = capacity;
  }
}
