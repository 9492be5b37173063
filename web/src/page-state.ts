// What the page holds between events: the page's elements, the scenario loaded, the values chosen,
// and the last finished run. One object, so every module reads and changes the same state and the
// link (url-state.ts) is made from it alone.

import type { EngineName } from '../../src/engine/calendar.js';
import type { ComparisonRow } from '../../src/experiment/paired.js';
import type { EditedScenario } from './edited-scenario.js';
import type { VariantRun } from './results.js';
import type { Loaded, Source } from './scenario-sources.js';
import type { ViewState } from './url-state.js';
import type { leverControls } from './view.js';

export const MAX_REPLICATIONS = 200;

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
export const ui = {
  scenario: $<HTMLSelectElement>('scenario'),
  scenarioTitle: $('scenario-title'),
  file: $<HTMLInputElement>('file'),
  problems: $('problems'),
  reps: $<HTMLInputElement>('reps'),
  seed: $<HTMLInputElement>('seed'),
  engine: $<HTMLSelectElement>('engine'),
  compare: $<HTMLInputElement>('compare'),
  levers: $('levers'),
  reset: $<HTMLButtonElement>('reset'),
  results: $('results'),
  progress: $<HTMLProgressElement>('progress'),
  status: $('status'),
  figures: $('figures'),
  downloads: $('downloads'),
  reproduce: $('reproduce'),
  charts: $('charts'),
  summary: $('summary'),
};

/** A run that finished, with the settings it ran with: what the figures, charts and downloads show. */
export interface Finished {
  edited: EditedScenario;
  run: VariantRun;
  reference?: VariantRun;
  comparison?: ComparisonRow[];
  names?: [string, string];
  seed: number;
  replications: number;
  engine: EngineName;
}

class PageState {
  /** Set by the first useSource, before anything reads it. */
  loaded!: Loaded;
  readonly leverValues = new Map<string, number>();
  replications = 1;
  seed = 1;
  engine: EngineName = 'heap';
  compare = false;
  /** The file last picked (or carried by a link), kept so the picker can switch back to it. */
  fileSource: Source | undefined;
  finished: Finished | undefined;
  /** Counts runs started: a run that is no longer the newest stops touching the page. */
  generation = 0;
  /** Counts runs finished (the tests wait on it through #results[data-runs]). */
  runs = 0;
  controls: ReturnType<typeof leverControls> | undefined;

  /** What a link to this view carries. */
  viewState(): ViewState {
    return {
      scenario: this.loaded.source.key,
      fileText: this.loaded.source.key.startsWith('file:') ? this.loaded.source.text : undefined,
      replications: this.replications,
      seed: this.seed,
      engine: this.engine,
      compare: this.compare,
      levers: new Map(this.leverValues),
    };
  }
}

export const page = new PageState();

export const clampReps = (n: number): number => Math.max(1, Math.min(MAX_REPLICATIONS, Math.round(n)));
