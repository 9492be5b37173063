// Where a command's time goes, for `npm run bench` (bench/breakdown.ts): with MPPSIM_TIMING=FILE set,
// each thread notes the moments it passes (wall-clock ms) and appends them to FILE as one JSON line.
// Unset, as for every user, mark() returns at once and nothing is kept or written.

import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.MPPSIM_TIMING;
const marks: [string, number][] = [];

/** Notes that this thread has reached `name` now. */
export function mark(name: string): void {
  if (file) marks.push([name, performance.timeOrigin + performance.now()]);
}

/**
 * Appends the marks noted so far to the timing file: the main thread's at exit, a worker's after each
 * batch. bin/mppsim.js notes its start as a performance mark, before any of this module can load.
 */
export function flushMarks(): void {
  if (!file) return;
  const early = performance.getEntriesByType('mark').map((m): [string, number] => [m.name, performance.timeOrigin + m.startTime]);
  performance.clearMarks();
  const line = { thread: isMainThread ? 'main' : 'worker', started: performance.timeOrigin, marks: [...early, ...marks.splice(0)] };
  appendFileSync(file, `${JSON.stringify(line)}\n`);
}

if (file && isMainThread) {
  process.on('exit', () => {
    mark('exit');
    flushMarks();
  });
}
