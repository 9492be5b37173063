// How big events.csv will be, said before a run that writes it, so a user can stop one that would
// fill the disk. An estimate from the expected arrivals (the size limits' estimate), not a bound.

import type { Experiment } from './design.js';
import { expectedPeople, formatCount } from './limits.js';

/** One row per person; measured 88-90 bytes on the bundled scenarios (more with a variant column or hearings). */
export const EVENTS_BYTES_PER_PERSON = 100;

/** Below this, the file is not worth a word. */
export const EVENTS_NOTE_BYTES = 100e6;

export function expectedEventsBytes(experiment: Experiment): number {
  if (!experiment.events) return 0;
  const people = experiment.variants.reduce((sum, v) => sum + expectedPeople(v.scenario), 0) * experiment.replications;
  return people * EVENTS_BYTES_PER_PERSON;
}

/** A line for stderr when events.csv is expected to pass EVENTS_NOTE_BYTES; undefined otherwise. */
export function eventsSizeNote(experiment: Experiment, upTo = false): string | undefined {
  const bytes = expectedEventsBytes(experiment);
  if (!(bytes > EVENTS_NOTE_BYTES)) return undefined;
  const people = bytes / EVENTS_BYTES_PER_PERSON;
  return `note: --events will write ${upTo ? 'up to ' : ''}about ${formatBytes(bytes)} to events.csv (one row per person, about ${formatCount(people)} people); stop with Ctrl-C if that is not what you meant`;
}

function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'an unbounded size';
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.round(bytes / 1e6)} MB`;
}
