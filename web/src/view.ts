// The page's markup: lever controls (a labelled slider and number box each), the key-figures table,
// the problems list and the chart figures. Figures are worded by the report's own helpers.

import type { ComparisonRow } from '../../src/experiment/paired.js';
import { keyFigures } from '../../src/output/key-figures.js';
import { escapeHtml, readable } from '../../src/output/report/html.js';
import type { RenderedChart } from '../../src/output/report/render-chart.js';
import { metricUnit } from '../../src/output/metric-catalogue.js';
import { summaryTableHtml } from '../../src/output/report/summary-table.js';
import type { SummaryRow } from '../../src/output/tables.js';
import type { ScenarioError } from '../../src/scenario/errors.js';
import type { Lever } from './levers.js';
import { summaryEntries, type VariantRun } from './results.js';

export interface LeverControls {
  /** Puts every control back to its published value (without reporting changes). */
  reset: () => void;
}

/** Fieldsets of levers by group; `onChange` gets every value a control takes. */
export function leverControls(
  container: HTMLElement,
  levers: readonly Lever[],
  values: ReadonlyMap<string, number>,
  onChange: (key: string, value: number) => void,
): LeverControls {
  const groups = new Map<string, Lever[]>();
  for (const lever of levers) groups.set(lever.group, [...(groups.get(lever.group) ?? []), lever]);
  const setters: (() => void)[] = [];
  const fieldsets = [...groups].map(([group, members]) => {
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = group;
    fieldset.append(legend);
    for (const lever of members) {
      const index = levers.indexOf(lever);
      const id = `lever-${index}`;
      const row = document.createElement('div');
      row.className = 'lever';
      const label = document.createElement('label');
      label.htmlFor = id;
      label.innerHTML = `${escapeHtml(lever.label)} <span class="published">(published: ${escapeHtml(format(lever.published))}${lever.unit === '\u00d7' ? '\u00d7' : ''})</span>`;
      const range = document.createElement('input');
      range.type = 'range';
      range.id = id;
      range.dataset.lever = lever.key;
      const box = document.createElement('input');
      box.type = 'number';
      box.id = `${id}-value`;
      box.dataset.lever = lever.key;
      box.setAttribute('aria-label', `${lever.label}, ${group} (value)`);
      for (const input of [range, box]) {
        input.min = String(lever.min);
        input.max = String(lever.max);
        input.step = String(lever.step);
      }
      const inputs = document.createElement('div');
      inputs.className = 'inputs';
      inputs.append(range, box);
      // Says why a typed value is not taken, beside the box: the run keeps the last valid value.
      const problem = document.createElement('p');
      problem.className = 'lever-problem';
      problem.id = `${id}-problem`;
      problem.setAttribute('role', 'alert');
      problem.hidden = true;
      box.setAttribute('aria-describedby', problem.id);
      row.append(label, inputs, problem);
      fieldset.append(row);

      const show = (value: number): void => {
        // A linked value beyond the slider's range widens it rather than being cut.
        if (value > Number(range.max)) range.max = String(value);
        if (value < Number(range.min)) range.min = String(value);
        range.value = String(value);
        box.value = String(value);
        range.setAttribute('aria-valuetext', `${format(value)} ${lever.unit}`);
        row.classList.toggle('changed', value !== lever.published);
        explain(undefined);
      };
      const explain = (why: string | undefined): void => {
        problem.textContent = why ?? '';
        problem.hidden = why === undefined;
        box.toggleAttribute('aria-invalid', why !== undefined);
      };
      show(values.get(lever.key) ?? lever.published);
      setters.push(() => show(lever.published));
      range.addEventListener('input', () => {
        const value = Number(range.value);
        show(value);
        onChange(lever.key, value);
      });
      box.addEventListener('input', () => {
        const value = Number(box.value);
        const why = leverValueProblem(lever, box.value);
        if (why) return explain(why);
        show(value);
        onChange(lever.key, value);
      });
    }
    return fieldset;
  });
  container.replaceChildren(...fieldsets);
  if (levers.length === 0) container.innerHTML = '<p class="hint">No levers: load a valid scenario.</p>';
  return { reset: () => setters.forEach((set) => set()) };
}

/** Why a value typed for a lever is not taken, or undefined when it is: the slider's range, in the lever's unit. */
export function leverValueProblem(lever: Lever, typed: string): string | undefined {
  const value = Number(typed);
  const range = `${format(lever.min)} to ${format(lever.max)}${lever.unit === '\u00d7' ? '\u00d7' : ` ${lever.unit}`}`;
  if (typed.trim() === '' || !Number.isFinite(value)) return `expected a number from ${range}`;
  if (value < lever.min || value > lever.max) return `expected ${range}, got ${format(value)}`;
  return undefined;
}

function format(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
}

export function problemsHtml(heading: string, error: ScenarioError): string {
  const lines = error.message.split('\n');
  return `<h3>${escapeHtml(heading)}</h3><ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`;
}

function interval(low: number, high: number, n: number): string {
  if (Number.isFinite(low) && Number.isFinite(high)) return `${readable(low)} to ${readable(high)}`;
  return n === 1 ? '(1 replication)' : '';
}

const num = (v: number): string => (Number.isFinite(v) ? String(v) : '');

/** The key figures, as `mppsim run` prints them; with a comparison, the published mean and the paired difference. */
export function figuresTableHtml(run: VariantRun, comparison?: readonly ComparisonRow[], names?: readonly [string, string]): string {
  const rows = keyFigures(run.summary);
  const find = (r: SummaryRow, variant: string | undefined) => comparison?.find((c) => c.metric === r.metric && c.scope === r.scope && c.variant === variant);
  const head =
    '<tr><th scope="col">figure</th><th scope="col">scope</th><th scope="col" class="num">mean</th><th scope="col" class="num">95% interval</th>' +
    (comparison ? '<th scope="col" class="num">published</th><th scope="col" class="num">change (95% interval)</th>' : '') +
    '</tr>';
  const body = rows
    .map((r) => {
      const unit = metricUnit(r.metric);
      const cells = [
        `<th scope="row" title="${escapeHtml(r.metric)}">${escapeHtml(r.metric.replace(/_/g, ' '))}${unit ? ` <span class="unit">(${escapeHtml(unit)})</span>` : ''}</th>`,
        `<td>${escapeHtml(r.scope)}</td>`,
        `<td class="num mean">${readable(r.mean)}</td>`,
        `<td class="num interval">${interval(r.ciLow, r.ciHigh, r.n)}</td>`,
      ];
      let data = `data-metric="${escapeHtml(r.metric)}" data-scope="${escapeHtml(r.scope)}" data-mean="${num(r.mean)}" data-ci-low="${num(r.ciLow)}" data-ci-high="${num(r.ciHigh)}"`;
      if (comparison && names) {
        const reference = find(r, names[0]);
        const own = find(r, names[1]);
        const d = own?.difference;
        cells.push(`<td class="num">${reference ? readable(reference.estimate.mean) : ''}</td>`);
        const change = d && Number.isFinite(d.mean) ? `${d.mean > 0 ? '+' : ''}${readable(d.mean)}${Number.isFinite(d.ciLow) ? ` (${readable(d.ciLow)} to ${readable(d.ciHigh)})` : ''}` : '';
        cells.push(`<td class="num${own?.significant ? ' significant' : ''}">${change}${own?.significant ? '<span class="sig">significant</span>' : ''}</td>`);
        data += ` data-diff="${d ? num(d.mean) : ''}" data-significant="${own?.significant ? 'yes' : 'no'}"`;
      }
      return `<tr ${data}>${cells.join('')}</tr>`;
    })
    .join('\n');
  const reps = rows[0]?.n ?? 0;
  const caption = comparison
    ? `Key figures of ${escapeHtml(run.name)}: mean across ${reps} replications with its 95% interval; against the scenario as published, run with the same seeds, the paired difference and its 95% interval, marked significant where the interval excludes 0.`
    : `Key figures of ${escapeHtml(run.name)}: mean across ${reps} replications with its 95% Student-t interval, as <code>mppsim run</code> prints them.`;
  return `<div class="wide" tabindex="0" role="region" aria-label="Key figures, scrollable"><table class="figures"><caption>${caption}</caption><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
}

export function summaryTable(container: HTMLElement, summary: readonly SummaryRow[]): void {
  container.innerHTML = summaryTableHtml(summaryEntries(summary));
}

/** As the report's figures: the SVG (an image labelled by its title and description) and a caption in words. */
export function chartFigureHtml(chart: RenderedChart): string {
  return `<figure class="chart" id="${chart.id}" aria-labelledby="${chart.id}-caption">
<div class="plot">${chart.svg}</div>
<figcaption id="${chart.id}-caption"><strong>${escapeHtml(chart.title)}.</strong> ${escapeHtml(chart.description)}</figcaption>
</figure>`;
}
