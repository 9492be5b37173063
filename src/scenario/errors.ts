// Input errors are values: every problem with a scenario file, each naming the file, the field
// path and what was expected, collected and reported together.

export interface InputProblem {
  /** Dotted field path, e.g. "ports.del-rio.dailyCap"; empty for the document itself. */
  path: string;
  /** What was expected and what was found. */
  message: string;
}

/** Every problem found in one input file; `message` is the problems, one a line, as `mppsim validate` prints them. */
export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly InputProblem[],
  ) {
    super(problems.map((p) => formatProblem(file, p)).join('\n'));
    this.name = 'ScenarioError';
  }
}

export function formatProblem(file: string, problem: InputProblem): string {
  return problem.path ? `${file}: ${problem.path}: ${problem.message}` : `${file}: ${problem.message}`;
}

export function joinPath(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : String(key))).join('.').replace(/\.\[/g, '[');
}

/** A short rendering of the offending value for "got …". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
