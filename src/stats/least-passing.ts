// The rule a size answer is read by, in one place: `size` (experiment/size-answer.ts) answers with it,
// and a size folder's report (output/report/size-report.ts) reads the same answer back from size.csv.
// Candidates come sorted by value; a candidate too close to call counts as failing.

export interface LeastPassing<T> {
  /** The least value that passes; undefined when none does. */
  answer?: T;
  /** The value tried just below the answer, when the answer is not the lowest value tried. */
  below?: T;
}

/** The first candidate (in value order) that passes, and the one before it. */
export function leastPassing<T>(sortedByValue: readonly T[], passes: (candidate: T) => boolean): LeastPassing<T> {
  const at = sortedByValue.findIndex(passes);
  return { answer: at >= 0 ? sortedByValue[at] : undefined, below: at > 0 ? sortedByValue[at - 1] : undefined };
}
