// The words a reader sees for each kind of stage, in one place for the run report, the compare
// report and the what-if page (the CSVs keep the model's `kind` values unchanged).

import type { StageKind } from '../model/results.js';

/** Each kind's label, in the order charts list the stages: where people wait first, first. */
export const STAGE_KIND_LABELS: Readonly<Record<StageKind, string>> = {
  sector: 'holding site',
  'bus-route': 'bus route',
  screening: 'screening',
  port: 'port',
  court: 'court: waiting in Mexico',
};

export const STAGE_KINDS = Object.keys(STAGE_KIND_LABELS) as readonly StageKind[];

/** A stage's series name in a chart, e.g. `tucson (holding site)`; an unknown kind is shown as it is. */
export function stageSeries(id: string, kind: string): string {
  const label = Object.hasOwn(STAGE_KIND_LABELS, kind) ? STAGE_KIND_LABELS[kind as StageKind] : kind;
  return `${id} (${label})`;
}
