// Replications spread over a few module workers. A new run cancels the one before by terminating
// the workers still busy with it (a replication is one synchronous call: nothing else can stop it);
// idle workers are kept, and fresh ones replace the terminated.

import type { EngineName } from '../../src/engine/index.js';
import type { ReplicationResult } from '../../src/model/results.js';
import type { Scenario } from '../../src/scenario/schema.js';
import type { ReplicationReply, ReplicationRequest } from './sim-worker.js';

export interface ReplicationTask {
  scenario: Scenario;
  replication: number;
  engine: EngineName;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled by a newer run');
    this.name = 'CancelledError';
  }
}

/** A replication failed inside the model: `invariant` when a model invariant broke (a bug). */
export class SimulationError extends Error {
  constructor(
    message: string,
    readonly invariant: boolean,
  ) {
    super(message);
    this.name = 'SimulationError';
  }
}

interface Job {
  tasks: readonly ReplicationTask[];
  next: number;
  done: number;
  results: ReplicationResult[];
  onResult: (index: number, result: ReplicationResult) => void;
  resolve: (results: ReplicationResult[]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Index of the task it is running, or -1 when idle. */
  busy: number;
}

export class SimulationPool {
  private readonly slots: Slot[] = [];
  private job: Job | undefined;
  /** A worker that could not start (its module failed to load): every later run fails with this. */
  private broken: Error | undefined;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** Runs every task, results in task order; a later `run` or `cancel` rejects it with CancelledError. */
  run(tasks: readonly ReplicationTask[], onResult: (index: number, result: ReplicationResult) => void = () => {}): Promise<ReplicationResult[]> {
    this.cancel();
    return new Promise((resolve, reject) => {
      if (this.broken) {
        reject(this.broken);
        return;
      }
      const job: Job = { tasks, next: 0, done: 0, results: new Array(tasks.length), onResult, resolve, reject };
      this.job = job;
      if (tasks.length === 0) {
        this.job = undefined;
        resolve([]);
        return;
      }
      for (const slot of this.slots) this.feed(slot, job);
    });
  }

  cancel(): void {
    this.stop(new CancelledError());
  }

  /** Ends the current job with `error`, replacing the workers still busy with it. */
  private stop(error: Error): void {
    const job = this.job;
    if (!job) return;
    this.job = undefined;
    for (let i = 0; i < this.slots.length; i++) {
      if (this.slots[i].busy >= 0) {
        this.slots[i].worker.terminate();
        this.slots[i] = this.spawn();
      }
    }
    job.reject(error);
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./sim-worker.ts', import.meta.url), { type: 'module', name: 'mppsim-simulation' });
    const slot: Slot = { worker, busy: -1 };
    worker.onmessage = (event: MessageEvent<ReplicationReply>) => this.receive(slot, event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      const error = new SimulationError(`the simulation worker failed: ${event.message || 'it could not be loaded'}`, false);
      if (slot.busy < 0) this.broken = error;
      this.fail(slot, error);
    };
    return slot;
  }

  private feed(slot: Slot, job: Job): void {
    if (job.next >= job.tasks.length) return;
    const task = job.next++;
    slot.busy = task;
    const request: ReplicationRequest = { task, ...job.tasks[task] };
    slot.worker.postMessage(request);
  }

  private receive(slot: Slot, reply: ReplicationReply): void {
    const job = this.job;
    slot.busy = -1;
    if (!job) return;
    if ('error' in reply) {
      this.fail(slot, new SimulationError(reply.error, reply.invariant));
      return;
    }
    job.results[reply.task] = reply.result;
    job.done++;
    job.onResult(reply.task, reply.result);
    if (job.done === job.tasks.length) {
      this.job = undefined;
      job.resolve(job.results);
    } else {
      this.feed(slot, job);
    }
  }

  private fail(slot: Slot, error: Error): void {
    slot.busy = -1;
    this.stop(error);
  }
}
