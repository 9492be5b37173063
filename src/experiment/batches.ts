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
