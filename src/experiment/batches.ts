// How an experiment's replications are cut into batches for the worker threads: large batches first
// (few messages while there is plenty left), shrinking as the work runs out, so that no thread is
// left with a long batch to finish while the others sit idle (guided self-scheduling).

/** Each batch is about this share of what is left, divided among the threads. */
const SHARE_OF_REMAINDER = 1 / 3;
/** A batch's replications stay in the worker's memory until the batch ends. */
const MOST_PER_BATCH = 16;

/** The sizes of consecutive batches of `units` replications for `threads` threads; they add up to `units`. */
export function batchSizes(units: number, threads: number): number[] {
  const sizes: number[] = [];
  for (let left = units; left > 0; ) {
    const size = Math.min(left, MOST_PER_BATCH, Math.max(1, Math.ceil((left * SHARE_OF_REMAINDER) / threads)));
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

/**
 * Runs `count` tasks, starting them in index order with at most `limit` running at once; the results in
 * index order. All queued at once, piscina (5.3) did not hand batches out in the order they were queued:
 * a thread could be left with a batch of 16 at the end while the other had finished.
 */
export function inOrder<T>(count: number, limit: number, run: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  return new Promise((resolve, reject) => {
    let next = 0;
    let running = 0;
    let failed = false;
    const start = (): void => {
      while (!failed && running < limit && next < count) {
        const index = next++;
        running++;
        run(index).then(
          (result) => {
            results[index] = result;
            running--;
            if (next === count && running === 0) resolve(results);
            else start();
          },
          (error: unknown) => {
            failed = true;
            reject(error);
          },
        );
      }
    };
    if (count === 0) resolve(results);
    else start();
  });
}
