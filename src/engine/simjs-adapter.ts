// The only place that touches simjs@2.0.3. We use its calendar alone (`setTimer`, `step`, its PQueue),
// never its Facility queues, statistics or Random: see issue 2 for why (quadratic shift, broken
// LCFS/PS, process-global ids). Its bundle exports nothing under Node and registers `window.Sim`
// only when a `window` exists, so its text is evaluated here, in this realm, as a function of a
// private `window` (`new Function` compiles in the current realm, as vm.runInThisContext would;
// a separate vm context would break its `instanceof Function` argument checks).

import { simjsSource } from './simjs-source.js';
import { checkScheduleTime, type EventCalendar, type EventHandler, type EventId } from './calendar.js';

/** The part of simjs's Request we use: a pending timer. */
interface SimjsRequest {
  deliverAt: number;
  cancelled: boolean;
  done(callback: () => void): SimjsRequest;
  cancel(): void;
}

interface SimjsEntity {
  setTimer(duration: number): SimjsRequest;
}

interface SimjsSim {
  simTime: number;
  queue: { data: SimjsRequest[]; remove(): SimjsRequest | null };
  step(): boolean;
}

interface SimjsModule {
  Sim: new () => SimjsSim;
  Entity: new (sim: SimjsSim, name?: string) => SimjsEntity;
}

let loaded: SimjsModule | undefined;

/** simjs@2.0.3 evaluated once in this realm (also used by the benchmark's simjs peer, bench/peer-simjs.ts). */
export function loadSimjs(): SimjsModule {
  if (loaded) return loaded;
  const privateWindow: { Sim?: SimjsModule } = {};
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the untyped bundle boundary
  const factory = new Function('window', simjsSource()) as (w: { Sim?: SimjsModule }) => void;
  factory(privateWindow);
  if (!privateWindow.Sim) throw new Error('simjs/sim.js did not register window.Sim: unexpected simjs version');
  loaded = privateWindow.Sim;
  return loaded;
}

export class SimjsCalendar implements EventCalendar {
  private readonly sim: SimjsSim;
  private readonly entity: SimjsEntity;
  private readonly live = new Map<EventId, SimjsRequest>();
  private nextId = 0;
  private deliveredCount = 0;

  constructor() {
    const simjs = loadSimjs();
    this.sim = new simjs.Sim();
    this.entity = new simjs.Entity(this.sim, 'mppsim');
  }

  get now(): number {
    return this.sim.simTime;
  }

  get pending(): number {
    return this.live.size;
  }

  get delivered(): number {
    return this.deliveredCount;
  }

  schedule(at: number, handler: EventHandler, arg = 0): EventId {
    checkScheduleTime(this.sim.simTime, at);
    const id = this.nextId++;
    const request = this.entity.setTimer(at - this.sim.simTime);
    request.done(() => {
      this.live.delete(id);
      this.deliveredCount++;
      handler(arg);
    });
    this.live.set(id, request);
    return id;
  }

  cancel(id: EventId): void {
    const request = this.live.get(id);
    if (!request) return;
    request.cancel();
    this.live.delete(id);
  }

  runUntil(until: number): void {
    this.deliver(until, true);
  }

  runBefore(until: number): void {
    this.deliver(until, false);
  }

  private deliver(until: number, inclusive: boolean): void {
    if (!(until >= this.sim.simTime)) throw new RangeError(`cannot run back to ${until} h: the clock is at ${this.sim.simTime} h`);
    // `simulate(end)` would pop and drop the first event after `end`, so we peek and step instead.
    // A cancelled request at the head must be dropped first: `step()` skips it and goes on to
    // deliver the next one, which may lie beyond `until`.
    for (;;) {
      const head = this.peekLive();
      if (!head || head.deliverAt > until || (!inclusive && head.deliverAt === until)) break;
      this.sim.step();
    }
    // simjs's clock only moves with events; ours stands at `until` so the next `schedule` measures from it.
    this.sim.simTime = until;
  }

  private peekLive(): SimjsRequest | undefined {
    const heap = this.sim.queue.data;
    while (heap.length > 0 && heap[0].cancelled) this.sim.queue.remove();
    return heap[0];
  }
}
