// The group FIFO under the two ways groups leave it: from the front (shift, or a scan that takes
// in order) and from the middle (a fill-behind scan that skips a group too large for the seats left).

import { describe, expect, it } from 'vitest';
import { GroupFifo } from '../../src/model/fifo.js';

const drain = (q: GroupFifo): number[] => {
  const out: number[] = [];
  q.forEach((g) => out.push(g));
  return out;
};

describe('GroupFifo', () => {
  it('reclaims the slots of groups taken by a scan, so a long run walks only the groups waiting', () => {
    const q = new GroupFifo();
    // 100,000 groups, 50 a day, each day boarding the whole queue in order.
    for (let day = 0; day < 2000; day++) {
      for (let i = 0; i < 50; i++) q.push(day * 50 + i);
      let seats = 50;
      q.scan(() => (--seats === 0 ? 'take-last' : 'take'));
    }
    expect(q.length).toBe(0);
    expect(q.footprint).toBe(0);
  });

  it('compacts the gaps fill-behind leaves in the middle and keeps the order of those left', () => {
    const q = new GroupFifo();
    let next = 0;
    for (let day = 0; day < 1000; day++) {
      for (let i = 0; i < 100; i++) q.push(next++);
      // Take every group but those divisible by 97: they stay, in order, behind a growing gap.
      q.scan((g) => (g % 97 === 0 ? 'skip' : 'take'));
    }
    const left = drain(q);
    expect(left).toEqual(Array.from({ length: Math.ceil(100_000 / 97) }, (_, i) => i * 97));
    expect(q.length).toBe(left.length);
    expect(q.footprint).toBeLessThanOrEqual(2 * left.length + 64);
  });

  it('a stopped scan keeps everyone from the stopping group on, front first', () => {
    const q = new GroupFifo();
    for (let g = 0; g < 10; g++) q.push(g);
    q.scan((g) => (g === 1 ? 'skip' : g < 5 ? 'take' : 'stop'));
    expect(drain(q)).toEqual([1, 5, 6, 7, 8, 9]);
    expect(q.shift()).toBe(1);
    expect(q.peek()).toBe(5);
  });
});
