// The scenario's dated policy changes as the report shows them: numbered marks on every time chart
// (one per date) and a table that says what each number changes.

import { scenarioSchema, type Scenario } from '../../scenario/schema.js';
import { timelineChanges, type TimelineChange } from '../../scenario/timeline.js';
import { escapeHtml } from './html.js';

export interface TimelineMark {
  date: string;
  /** The number the table lists it under. */
  label: string;
}

export interface Timeline {
  marks: TimelineMark[];
  changes: (TimelineChange & { label: string })[];
}

/** Each chart of a report asks for the same document's marks: it is parsed once. */
const timelines = new WeakMap<object, Timeline>();

/** The changes of a scenario as run (scenario.json); none if it is not a scenario this version reads. */
export function scenarioTimeline(document: Record<string, unknown>): Timeline {
  const known = timelines.get(document);
  if (known) return known;
  const parsed = scenarioSchema.safeParse(document);
  const timeline = parsed.success ? timelineOf(parsed.data) : { marks: [], changes: [] };
  timelines.set(document, timeline);
  return timeline;
}

export function timelineOf(s: Scenario): Timeline {
  const marks: TimelineMark[] = [];
  const changes = timelineChanges(s).map((c) => {
    if (marks.at(-1)?.date !== c.date) marks.push({ date: c.date, label: String(marks.length + 1) });
    return { ...c, label: (marks.at(-1) as TimelineMark).label };
  });
  return { marks, changes };
}

export function timelineTableHtml(timeline: Timeline): string {
  const rows = timeline.changes
    .map((c) => `<tr><td>${escapeHtml(c.label)}</td><td>${escapeHtml(c.date)}</td><td><code>${escapeHtml(c.path)}</code></td><td>${escapeHtml(c.change)}</td></tr>`)
    .join('\n');
  return `<p>Each dated change in the scenario, numbered as on the charts' dashed rules.</p>
<table class="timeline"><thead><tr><th scope="col">mark</th><th scope="col">date</th><th scope="col">what</th><th scope="col">change</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}
