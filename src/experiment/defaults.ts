// The defaults that the command line's option descriptions quote. A plain module, imports nothing:
// `mppsim --help` and `mppsim validate` read these without loading any experiment code.

export interface Limits {
  /** People simulated across every replication and variant. */
  maxPeople: number;
  maxDays: number;
  maxReplications: number;
}

// The border-wide FY2019 year is about 0.85 million people a replication: 100 million allows
// over a hundred such replications and refuses a rate typed with three extra zeros.
export const DEFAULT_LIMITS: Limits = { maxPeople: 100_000_000, maxDays: 3_660, maxReplications: 10_000 };

export const DEFAULT_PRECISION_BATCH = 10;
export const DEFAULT_PRECISION_MAX_REPLICATIONS = 200;

export const DEFAULT_CALIBRATE_GRID = 5;
export const DEFAULT_CALIBRATE_ROUNDS = 6;

/** How `size` looks for the least value: bisection, or every value of the range (which shards can split). */
export type SizeSearch = 'bisect' | 'grid';
export const SIZE_SEARCHES: readonly SizeSearch[] = ['bisect', 'grid'];
