// The report of a `mppsim size` folder: the answer first, then each target against the parameter for
// every candidate tried (its mean, its one-sided 95% bound, the target line, pass or fail), the
// candidates' table, and the answer's scenario with its sources.

import type { Fact } from '../../scenario/index.js';
import { leastPassing } from '../../stats/index.js';
import { sizeChart, type SizeChartRow } from './experiment-chart-specs.js';
import { escapeHtml, listing, readable } from './html.js';
import type { ReportPage, ReportSection } from './page.js';
import { parametersTableHtml } from './parameters-table.js';
import { parameterRows } from './parameters.js';
import type { SizeEntry, SizeFolder } from './read-experiment-folder.js';
import { renderChart } from './render-chart.js';
import { figureHtml } from './run-report.js';

interface Candidate {
  value: number;
  replications: number;
  holds: SizeEntry['holds'];
  entries: SizeEntry[];
}

export async function sizeReportPage(folder: SizeFolder, facts: ReadonlyMap<string, Fact>): Promise<ReportPage> {
  const candidates = candidatesOf(folder.rows);
  const targets = [...new Set(folder.rows.map((r) => r.target))];
  // The rule `size` answers by, so the report can only say what `size` said.
  const { answer, below } = leastPassing(candidates, (c) => c.holds === 'pass');
  const sections: ReportSection[] = [{ id: 'answer', title: 'Answer', html: answerHtml(folder.parameter, candidates, answer, below) }];
  const rows: SizeChartRow[] = folder.rows.flatMap((r) => (r.mean === null || r.bound === null ? [] : [{ target: r.target, x: r.value, mean: r.mean, bound: r.bound, verdict: r.targetVerdict, goal: goalOf(r.target) }]));
  if (rows.length > 0) {
    const title = `Targets against ${folder.parameter}`;
    const chart = await renderChart({
      id: 'chart-size',
      title,
      description: `For each target, every candidate value of ${folder.parameter} tried: the mean across replications and its one-sided 95% bound, against the target (dashed). ${answer ? `The answer, ${answer.value}, is marked by a vertical line.` : 'No value tried meets every target.'} ${targets.map((t) => describeTarget(t, candidates)).join(' ')}`,
      spec: sizeChart(rows, targets, {
        title,
        subtitle: ['point: mean across replications; bar to the tick: its one-sided 95% bound, which must meet the target (dashed); colour: the verdict'],
        xTitle: folder.parameter,
        answer: answer?.value,
      }),
    });
    sections.push({ id: 'targets', title, html: figureHtml(chart) });
  }
  sections.push({ id: 'candidates', title: 'Candidates', html: candidatesTableHtml(candidates, targets) });
  if (folder.scenario) sections.push({ id: 'parameters', title: "The answer's parameters and their sources", html: parametersTableHtml(parameterRows(folder.scenario, facts)) });
  const reps = candidates.reduce((sum, c) => sum + c.replications, 0);
  return {
    title: `Least ${folder.parameter} that meets ${listing(targets)} — mppsim report`,
    subtitle: `${candidates.length} candidate${candidates.length === 1 ? '' : 's'}, ${reps} replications with common random numbers; a target holds when the one-sided 95% bound of its mean meets it.`,
    sections,
  };
}

function candidatesOf(rows: readonly SizeEntry[]): Candidate[] {
  const byValue = new Map<number, Candidate>();
  for (const r of rows) {
    const c = byValue.get(r.value) ?? { value: r.value, replications: r.replications, holds: r.holds, entries: [] };
    c.entries.push(r);
    byValue.set(r.value, c);
  }
  return [...byValue.values()].sort((a, b) => a.value - b.value);
}

/** The number a target is compared with: what follows its operator ("released.total <= 0" → 0). */
function goalOf(target: string): number {
  return Number(/(?:<=|>=|<|>)\s*(\S+)\s*$/.exec(target)?.[1] ?? NaN);
}

function evidence(c: Candidate, failingOnly: boolean): string {
  const shown = failingOnly ? c.entries.filter((e) => e.targetVerdict !== 'pass') : c.entries;
  return shown.map((e) => `<code>${escapeHtml(e.target)}</code>: mean ${readable(e.mean)}, bound ${readable(e.bound)} (${e.targetVerdict === 'undecided' ? 'too close to call' : e.targetVerdict})`).join('; ');
}

function answerHtml(parameter: string, candidates: readonly Candidate[], answer: Candidate | undefined, below: Candidate | undefined): string {
  const name = `<code>${escapeHtml(parameter)}</code>`;
  if (!answer) {
    const top = candidates[candidates.length - 1];
    return `<p><strong>No value of ${name} tried meets every target.</strong>${top ? ` At the highest, ${top.value}: ${evidence(top, true)}.` : ''}</p>`;
  }
  const under = below ? ` ${below.value}, the value tried just below it, ${below.holds === 'fail' ? 'fails' : 'is too close to call'}: ${evidence(below, true)}.` : ' It is the lowest value of the range.';
  const monotone = candidates.some((c, i) => c.holds === 'pass' && candidates[i + 1]?.holds === 'fail');
  const warning = monotone ? '<p class="note">Warning: a value that passes lies below one that fails, so the targets are not monotone in this parameter and the answer may not be the least value.</p>' : '';
  return `<p><strong>${name} = ${answer.value}</strong>: the least value tried for which every target holds (${evidence(answer, false)}).${under}</p>${warning}`;
}

function describeTarget(target: string, candidates: readonly Candidate[]): string {
  const own = candidates.flatMap((c) => c.entries.filter((e) => e.target === target).map((e) => `${c.value}: ${readable(e.mean)} (${e.targetVerdict})`));
  return `${target}: ${own.slice(0, 20).join(', ')}${own.length > 20 ? ', and the rest in the table' : ''}.`;
}

function candidatesTableHtml(candidates: readonly Candidate[], targets: readonly string[]): string {
  const head = targets.map((t) => `<th scope="col" class="num"><code>${escapeHtml(t)}</code></th>`).join('');
  const body = candidates.map((c) => {
    const cells = targets.map((t) => {
      const e = c.entries.find((x) => x.target === t);
      return e ? `<td class="num">${readable(e.mean)}<br><span class="source">bound ${readable(e.bound)}, ${e.targetVerdict}</span></td>` : '<td class="num"></td>';
    });
    return `<tr><th scope="row">${c.value}</th><td class="num">${c.replications}</td>${cells.join('')}<td>${c.holds}</td></tr>`;
  });
  return `<div class="wide"><table class="candidates">
<caption>Every candidate tried, by value: each target's mean across replications, and below it the one-sided 95% bound and the verdict. Every figure is in size.csv.</caption>
<thead><tr><th scope="col">value</th><th scope="col" class="num">replications</th>${head}<th scope="col">holds</th></tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table></div>`;
}
