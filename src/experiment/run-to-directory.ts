// A whole run as the CLI does it: replicate a scenario and write every output into one folder,
// atomically. Callable from notebooks and other tools through src/index.ts.

import type { EngineName } from '../engine/index.js';
import type { Scenario } from '../scenario/index.js';
import {
  CsvStream,
  EVENTS_HEADER,
  StagedOutput,
  dailyCsv,
  eventCells,
  replicationsCsv,
  summarize,
  summaryCsv,
  type SummaryRow,
} from '../output/index.js';
import { replicate } from './replicate.js';

export interface RunOptions {
  out: string;
  force?: boolean;
  engine?: EngineName;
  replications?: number;
  seed?: number;
  events?: boolean;
}

export interface RunOutcome {
  dir: string;
  files: string[];
  summary: SummaryRow[];
  scenario: Scenario;
}

export function runToDirectory(input: Scenario, options: RunOptions): RunOutcome {
  const scenario: Scenario = {
    ...input,
    seed: options.seed ?? input.seed,
    replications: options.replications ?? input.replications,
  };
  const staged = new StagedOutput(options.out, options.force ?? false);
  try {
    const files = ['daily.csv', 'summary.csv', 'replications.csv', 'scenario.json'];
    const events = options.events ? new CsvStream(staged.path('events.csv'), EVENTS_HEADER) : undefined;
    const results = replicate(scenario, {
      engine: options.engine,
      onPerson: events ? (record) => events.write(eventCells(record)) : undefined,
    });
    events?.close();
    if (events) files.push('events.csv');
    const summary = summarize(results);
    staged.write('daily.csv', dailyCsv(results));
    staged.write('summary.csv', summaryCsv(summary));
    staged.write('replications.csv', replicationsCsv(results));
    // The effective scenario (defaults filled, overrides applied): rerunning it reproduces these bytes.
    staged.write('scenario.json', `${JSON.stringify(scenario, null, 2)}\n`);
    staged.commit();
    return { dir: staged.target, files, summary, scenario };
  } finally {
    staged.abandon();
  }
}
