// A folder the report cannot be made from: missing or malformed files. An input error, each
// problem named after its file, which the CLI reports and exits 2 on; never a bug in the model.

export interface FileProblem {
  file: string;
  problem: string;
}

/** The folder's files the report could not use, each with its problem. */
export class ReportInputError extends Error {
  readonly problems: readonly FileProblem[];

  constructor(file: string, problem: string);
  constructor(problems: readonly FileProblem[]);
  constructor(fileOrProblems: string | readonly FileProblem[], problem = '') {
    const problems = typeof fileOrProblems === 'string' ? [{ file: fileOrProblems, problem }] : fileOrProblems;
    super(problems.map((p) => `${p.file}: ${p.problem}`).join('\n'));
    this.name = 'ReportInputError';
    this.problems = problems;
  }
}
