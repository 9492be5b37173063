// What the page shows of a run: its state (running, done, invalid, failed), the problems list, the
// key figures, the summary, the command line that reproduces it, and the charts, drawn last.

import { escapeHtml } from '../../src/output/report/html.js';
import type { ScenarioError } from '../../src/scenario/errors.js';
import { page, ui, type Finished } from './page-state.js';
import { runFolderOf } from './results.js';
import { chartFigureHtml, figuresTableHtml, problemsHtml, summaryTable } from './view.js';

export function setState(value: 'running' | 'done' | 'invalid' | 'failed'): void {
  ui.results.dataset.state = value;
  ui.results.setAttribute('aria-busy', String(value === 'running'));
  for (const button of ui.downloads.querySelectorAll('button')) button.disabled = value !== 'done';
}

export function showProblems(error: ScenarioError | undefined, heading = 'The scenario has problems; nothing was run'): void {
  ui.problems.innerHTML = error ? problemsHtml(heading, error) : '';
}

/** The figures on screen belong to the scenario before: gone, until this one has run. */
export function clearResults(): void {
  page.finished = undefined;
  ui.figures.replaceChildren();
  ui.charts.replaceChildren();
  ui.summary.replaceChildren();
  ui.reproduce.replaceChildren();
}

export function showFinished(f: Finished): void {
  ui.figures.innerHTML = figuresTableHtml(f.run, f.comparison, f.names);
  summaryTable(ui.summary, f.run.summary);
  const file = `${f.edited.name}.yaml`;
  const publishedFile = page.loaded.source.label;
  const options = `--seed ${f.seed} --reps ${f.replications}${f.engine === 'heap' ? '' : ` --engine ${f.engine}`}`;
  ui.reproduce.innerHTML =
    `The same figures from the command line: save the scenario as run (as <code>${escapeHtml(file)}</code>), then <code>mppsim run ${escapeHtml(file)} ${options}</code>` +
    (f.reference ? `; the comparison: <code>mppsim compare ${escapeHtml(publishedFile)} ${escapeHtml(file)} ${options}</code>.` : '.');
  const comparisonButton = ui.downloads.querySelector<HTMLButtonElement>('[data-download="comparison.csv"]');
  if (comparisonButton) comparisonButton.hidden = !f.comparison;
}

let drawnWidth = 0;

/** Draws the charts of the finished run `mine`, giving up as soon as a newer run has started. */
export async function drawCharts(mine: number): Promise<void> {
  const f = page.finished;
  if (!f) return;
  ui.charts.setAttribute('aria-busy', 'true');
  const charts = await import('./charts.js');
  if (mine !== page.generation) return;
  const folder = runFolderOf(f.run);
  const definitions = [
    ...(f.comparison && f.names ? [charts.differencesChart(f.comparison, f.names)] : []),
    ...(f.reference ? [charts.queuesByVariantChart([{ name: f.reference.name, folder: runFolderOf(f.reference) }, { name: f.run.name, folder }])] : []),
    ...charts.runCharts(folder),
  ].filter((c) => c !== undefined);
  const width = ui.charts.clientWidth || 760;
  const html: string[] = [];
  for (const definition of definitions) {
    // Between charts, let the page take input (a lever moved meanwhile starts a newer run, and this stops).
    await new Promise((resolve) => setTimeout(resolve));
    if (mine !== page.generation) return;
    const rendered = await charts.renderFitted(definition, width);
    if (mine !== page.generation) return;
    html.push(chartFigureHtml(rendered));
  }
  // The scenario's dated changes, numbered as on the charts' dashed rules.
  const timeline = charts.timelineOf(folder);
  ui.charts.innerHTML = (timeline ? `<h3>Policy timeline</h3>\n${timeline}\n` : '') + html.join('\n');
  ui.charts.setAttribute('aria-busy', 'false');
  ui.results.dataset.charts = String(page.runs);
  drawnWidth = width;
}

/** After a resize, charts are redrawn for the new width only when it changed noticeably. */
export function redrawIfResized(): void {
  if (page.finished && Math.abs((ui.charts.clientWidth || 0) - drawnWidth) > 40) void drawCharts(page.generation);
}
