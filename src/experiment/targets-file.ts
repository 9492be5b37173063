// A calibration targets file: a YAML list of reported figures, each a figure of the outputs
// (run-figures.ts) with the reported value, its source fact and a tolerance, e.g.
//   - { metric: returned, scope: total, value: 4520, tolerance: 50 }
//   - { count: enrolled, kind: sector, from: 2019-05-01, to: 2019-05-31, fact: mpp-court-cases-2019-05, tolerance: 520 }
//   - { count: returned, less: returned_after_hearing, kind: port, by: 2019-12-31, fact: mpp-returns-2019-12, tolerance: 6000, heldOut: true }
// `value` defaults to the fact's; `tolerance` is how far off the reported figure may itself be;
// held-out targets are reported but not fitted, as a check on the fit. src/validation reads the same
// file, so docs/VALIDATION.md shows the same targets beside the fit.

import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode } from 'yaml';
import * as z from 'zod';
import { DAILY_COUNTS, type StageKind } from '../model/index.js';
import { ScenarioError, loadDocument, loadFacts, type Fact, type InputProblem } from '../scenario/index.js';
// Not re-exported by scenario/: the same wording of problems for a targets file as for a scenario.
import { describeValue } from '../scenario/errors.js';
import { zodProblems } from '../scenario/zod-problems.js';
import type { Estimate } from '../stats/index.js';
import type { RunFigure } from './run-figures.js';

const KINDS = ['sector', 'bus-route', 'screening', 'port', 'court'] as const satisfies readonly StageKind[];

const entrySchema = z.strictObject({
  metric: z.string().regex(/^[A-Za-z0-9_]+$/, 'expected a metric name as in summary.csv, such as returned').optional(),
  scope: z.string().min(1).optional(),
  count: z.enum(DAILY_COUNTS).optional(),
  less: z.enum(DAILY_COUNTS).optional(),
  stage: z.string().min(1).optional(),
  kind: z.enum(KINDS).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  by: z.iso.date().optional(),
  perDay: z.boolean().optional(),
  value: z.number().refine(Number.isFinite, 'expected a finite number').optional(),
  tolerance: z.number().positive(),
  heldOut: z.boolean().default(false),
  fact: z.string().min(1).optional(),
  note: z.string().optional(),
});

type Entry = z.infer<typeof entrySchema>;

export type CalibrationTarget = RunFigure & {
  value: number;
  tolerance: number;
  heldOut: boolean;
  fact?: string;
  note?: string;
  /** The entry's line in its file, for messages. */
  line?: number;
};

/** The reported value lies within the tolerance of the simulated mean's 95% interval: the fit's rule, in calibrate and in docs/VALIDATION.md. */
export function withinTolerance(target: Pick<CalibrationTarget, 'value' | 'tolerance'>, e: Estimate): boolean {
  const halfWidth = Number.isFinite(e.ciHigh) ? (e.ciHigh - e.ciLow) / 2 : 0;
  return Math.abs(e.mean - target.value) <= target.tolerance + halfWidth;
}

/** Which fields an entry may not combine, and which it needs: the problems, each with its field. */
function shapeProblems(e: Entry, fact: Fact | undefined): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const present = (fields: readonly (keyof Entry)[]) => fields.filter((f) => e[f] !== undefined);
  if ((e.metric === undefined) === (e.count === undefined)) problems.push({ field: e.metric ? 'count' : 'metric', message: 'expected either metric (a summary.csv figure) or count (a daily.csv count over dates), not both or neither' });
  if (e.metric !== undefined) {
    for (const f of present(['less', 'stage', 'kind', 'from', 'to', 'by', 'perDay'])) problems.push({ field: f, message: `applies to a count, not to a metric (${e.metric})` });
  }
  if (e.count !== undefined) {
    if (e.scope !== undefined) problems.push({ field: 'scope', message: 'applies to a metric; a count names its stage or kind' });
    if ((e.stage === undefined) === (e.kind === undefined)) problems.push({ field: 'stage', message: 'expected either stage (a stage id) or kind (sector, bus-route, screening, port, court), not both or neither' });
    if (e.by !== undefined && (e.from !== undefined || e.to !== undefined)) problems.push({ field: 'by', message: 'expected either by (a cumulative count) or from and to (a date range), not both' });
    else if (e.by === undefined && (e.from === undefined || e.to === undefined)) problems.push({ field: e.from === undefined ? 'from' : 'to', message: 'missing: expected from and to (a date range), or by (a cumulative count by a date)' });
    else if (e.from !== undefined && e.to !== undefined && e.from > e.to) problems.push({ field: 'to', message: `expected a date on or after from (${e.from}), got ${e.to}` });
  }
  if (e.fact !== undefined && !fact) problems.push({ field: 'fact', message: `expected a fact id of seeds/facts.yaml, got ${describeValue(e.fact)}` });
  if (e.value === undefined && !(fact && typeof fact.value === 'number')) {
    problems.push({ field: 'value', message: fact ? `missing: fact ${fact.id} is not a number (${String(fact.value)}), so give the value` : 'missing: expected a number, or a fact whose value is the reported figure' });
  }
  return problems;
}

function targetOf(e: Entry, fact: Fact | undefined, line: number | undefined): CalibrationTarget {
  const value = e.value ?? (fact?.value as number);
  const common = { value, tolerance: e.tolerance, heldOut: e.heldOut, ...(e.fact ? { fact: e.fact } : {}), ...(e.note ? { note: e.note } : {}), ...(line ? { line } : {}) };
  if (e.metric !== undefined) return { metric: e.metric, scope: e.scope ?? 'total', ...common };
  const where = e.stage !== undefined ? { stage: e.stage } : { kind: e.kind };
  const dates = e.by !== undefined ? { to: e.by } : { from: e.from, to: e.to as string };
  return { count: e.count!, ...(e.less ? { less: e.less } : {}), ...where, ...dates, ...(e.perDay ? { perDay: true } : {}), ...common };
}

/** Reads and checks a targets file: every problem at once, each naming its entry, field and line. */
export function loadCalibrationTargets(file: string, facts: ReadonlyMap<string, Fact> = loadFacts()): CalibrationTarget[] {
  const document = loadDocument(file);
  const lineOf = lineFinder(file);
  const at = (path: (string | number)[], message: string): InputProblem => {
    const line = lineOf(path);
    return { path: path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, ''), message: line ? `${message} (line ${line})` : message };
  };
  if (!Array.isArray(document)) throw new ScenarioError(file, [at([], `expected a list of targets ({metric, scope, value, tolerance} or {count, stage or kind, from and to or by, value, tolerance}), got ${describeValue(document)}`)]);
  const parsed = z.array(entrySchema).safeParse(document);
  if (!parsed.success) {
    throw new ScenarioError(file, zodProblems(parsed.error.issues, document).map((p) => {
      const path = [...p.path.matchAll(/\[(\d+)\]|\.?([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]));
      return at(path, p.message);
    }));
  }
  const problems: InputProblem[] = [];
  const targets = parsed.data.map((e, i) => {
    const fact = e.fact === undefined ? undefined : facts.get(e.fact);
    for (const p of shapeProblems(e, fact)) problems.push(at([i, p.field], p.message));
    return targetOf(e, fact, lineOf([i]));
  });
  if (targets.length === 0) problems.push(at([], 'expected at least one target'));
  else if (targets.every((t) => t.heldOut)) problems.push(at([], 'expected at least one target that is not heldOut: there is nothing to fit'));
  if (problems.length > 0) throw new ScenarioError(file, problems);
  return targets;
}

/** The line of an entry's field (or of the entry, when the field is missing), read from the file's text. */
function lineFinder(file: string): (path: (string | number)[]) => number | undefined {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return () => undefined;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { schema: 'core', lineCounter: lines });
  return (path) => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
    }
    return undefined;
  };
}
