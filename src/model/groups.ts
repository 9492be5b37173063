// Groups in custody, as parallel typed arrays indexed by a slot reused after the group leaves:
// no allocation per arrival once the arrays have grown to the peak number in custody.

const NONE = Number.NaN;
const INITIAL_SLOTS = 4096;

export class GroupTable {
  capacity = 0;
  size = new Int32Array(0);
  category = new Int32Array(0);
  origin = new Int32Array(0);
  site = new Int32Array(0);
  /** The bus route an enrollee takes (-1: none) and the port it is returned through (-1: none). */
  route = new Int32Array(0);
  returnPort = new Int32Array(0);
  serial = new Float64Array(0);
  firstPerson = new Float64Array(0);
  arrived = new Float64Array(0);
  processed = new Float64Array(0);
  boarded = new Float64Array(0);
  busArrived = new Float64Array(0);
  interviewed = new Float64Array(0);
  queuedAt = new Float64Array(0);
  processingHours = new Float64Array(0);
  interviewHours = new Float64Array(0);
  /** Bits: 1 enrolled, 2 expresses fear, 4 interview positive (all drawn on arrival, for common random numbers). */
  fate = new Uint8Array(0);
  /** Where the group is: in US custody, waiting in Mexico, or crossed back for a hearing (see CUSTODY). */
  phase = new Uint8Array(0);
  /** The court its case is heard by (-1: none), and the hearings held so far. */
  court = new Int32Array(0);
  hearingsHeld = new Int32Array(0);
  /** When it was first returned to Mexico (NaN: not yet). */
  firstReturned = new Float64Array(0);
  /** 1 while the slot holds a group (created, possibly not yet arrived). */
  alive = new Uint8Array(0);
  private free: number[] = [];
  private inUse = 0;

  constructor() {
    // Sized up front for the peak of the bundled scenarios (the border-wide year holds ~4,000 groups at
    // once): a growth inside `allocate` is a branch V8 has no feedback for until it is taken, and the
    // first one taken in optimized code deoptimizes every function that inlines `allocate`.
    this.grow();
  }

  get count(): number {
    return this.inUse;
  }

  allocate(): number {
    if (this.free.length === 0) this.grow();
    const slot = this.free.pop() as number;
    this.alive[slot] = 1;
    this.arrived[slot] = NONE;
    this.processed[slot] = NONE;
    this.boarded[slot] = NONE;
    this.busArrived[slot] = NONE;
    this.interviewed[slot] = NONE;
    this.phase[slot] = CUSTODY;
    this.court[slot] = -1;
    this.hearingsHeld[slot] = 0;
    this.firstReturned[slot] = NONE;
    this.inUse++;
    return slot;
  }

  release(slot: number): void {
    this.alive[slot] = 0;
    // `| 0`: a slot that came through the calendar's Float64Array arguments is a double, and pushing
    // one turns the stack into an array of doubles, a shape the next replication's fresh stack lacks.
    this.free.push(slot | 0);
    this.inUse--;
  }

  private grow(): void {
    const old = this.capacity;
    const capacity = Math.max(INITIAL_SLOTS, old * 2);
    for (const key of [
      'size', 'category', 'origin', 'site', 'route', 'returnPort', 'serial', 'firstPerson', 'arrived', 'processed', 'boarded',
      'busArrived', 'interviewed', 'queuedAt', 'processingHours', 'interviewHours', 'fate', 'alive',
      'phase', 'court', 'hearingsHeld', 'firstReturned',
    ] as const) {
      const from = this[key];
      const to = new (from.constructor as new (n: number) => typeof from)(capacity);
      to.set(from as never);
      (this as Record<typeof key, typeof from>)[key] = to;
    }
    for (let slot = capacity - 1; slot >= old; slot--) this.free.push(slot);
    this.capacity = capacity;
  }
}

export const ENROLLED = 1;
export const FEAR = 2;
export const POSITIVE = 4;

export const CUSTODY = 0;
export const IN_MEXICO = 1;
export const AT_HEARING = 2;
