// A FIFO of group indices on a growable ring buffer: O(1) push and shift, plus removal from the
// middle by tombstone, which fill-behind boarding needs (a smaller group behind takes a seat).
// Tombstones are reclaimed after every scan, so time and memory follow the groups waiting, not
// everyone who ever waited.

const EMPTY = -1;
const MIN_CAPACITY = 64;

export type ScanVerdict = 'take' | 'skip' | 'stop' | 'take-last';

export class GroupFifo {
  private slots = new Int32Array(MIN_CAPACITY);
  private head = 0;
  private tail = 0; // one past the last slot in use, modulo capacity
  private used = 0; // slots between head and tail, tombstones included
  private live = 0;

  get length(): number {
    return this.live;
  }

  /** Ring slots in use, tombstones included: what a scan walks over. */
  get footprint(): number {
    return this.used;
  }

  push(group: number): void {
    if (this.used === this.slots.length) this.grow();
    this.slots[this.tail] = group;
    this.tail = (this.tail + 1) & (this.slots.length - 1);
    this.used++;
    this.live++;
  }

  /** The first live group, or -1. */
  peek(): number {
    this.dropTombstones();
    return this.live > 0 ? this.slots[this.head] : EMPTY;
  }

  shift(): number {
    this.dropTombstones();
    if (this.live === 0) return EMPTY;
    const group = this.slots[this.head];
    this.head = (this.head + 1) & (this.slots.length - 1);
    this.used--;
    this.live--;
    return group;
  }

  /** Visits live groups front to back; `visit` says whether to remove the group ('take'), keep it ('skip'), or end the scan after removing it ('take-last') or not ('stop'). */
  scan(visit: (group: number) => ScanVerdict): void {
    const mask = this.slots.length - 1;
    for (let k = 0; k < this.used; k++) {
      const at = (this.head + k) & mask;
      const group = this.slots[at];
      if (group === EMPTY) continue;
      const verdict = visit(group);
      if (verdict === 'stop') break;
      if (verdict === 'take' || verdict === 'take-last') {
        this.slots[at] = EMPTY;
        this.live--;
        if (verdict === 'take-last') break;
      }
    }
    this.dropTombstones();
    if (this.used - this.live > Math.max(MIN_CAPACITY, this.live)) this.compact();
  }

  forEach(visit: (group: number) => void): void {
    this.scan((group) => {
      visit(group);
      return 'skip';
    });
  }

  private dropTombstones(): void {
    const mask = this.slots.length - 1;
    while (this.used > 0 && this.slots[this.head] === EMPTY) {
      this.head = (this.head + 1) & mask;
      this.used--;
    }
  }

  /** Closes the gaps fill-behind leaves in the middle, keeping the order of the live groups. */
  private compact(): void {
    const mask = this.slots.length - 1;
    let kept = 0;
    for (let k = 0; k < this.used; k++) {
      const group = this.slots[(this.head + k) & mask];
      if (group !== EMPTY) this.slots[(this.head + kept++) & mask] = group;
    }
    this.used = kept;
    this.tail = (this.head + kept) & mask;
  }

  private grow(): void {
    const bigger = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let k = 0; k < this.used; k++) bigger[k] = this.slots[(this.head + k) & mask];
    this.slots = bigger;
    this.head = 0;
    this.tail = this.used;
  }
}
