// Errors in what an experiment was asked to do (an option, a shard, a partial result folder):
// input errors, reported with their message and exit code 2.

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
