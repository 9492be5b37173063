// Turns a Vega-Lite spec into a static, accessible SVG string at generation time: compiled by
// vega-lite and drawn by vega's headless SVG renderer. Nothing here draws marks by hand; it only
// labels the finished SVG (role, <title>, <desc>) and makes its internal ids unique in the page.

import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { escapeHtml } from './html.js';

export interface ChartDefinition {
  /** Unique within the report; used for element ids. */
  id: string;
  title: string;
  /** The text alternative: what the chart shows, in words and numbers. */
  description: string;
  spec: TopLevelSpec;
}

export interface RenderedChart extends ChartDefinition {
  svg: string;
  /** What vega-lite and vega warned about while drawing it: empty unless a spec has a mistake. */
  warnings: string[];
}

export async function renderChart(chart: ChartDefinition): Promise<RenderedChart> {
  // Warnings are collected, not printed: a command's output is its own; tests assert there are none.
  const warnings: string[] = [];
  const logger = collectingLogger(warnings);
  const compiled = compile({ ...chart.spec, description: chart.description } as TopLevelSpec, { logger }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger });
  try {
    const svg = await view.toSVG();
    return { ...chart, svg: labelSvg(scopeIds(svg, chart.id), chart), warnings };
  } finally {
    view.finalize();
  }
}

function collectingLogger(warnings: string[]) {
  let level = vega.Warn;
  const logger = {
    level(value?: number): never {
      if (value === undefined) return level as never;
      level = value;
      return logger as never;
    },
    error(...args: readonly unknown[]) {
      throw new Error(`chart could not be drawn: ${args.map(String).join(' ')}`);
    },
    warn(...args: readonly unknown[]) {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/**
 * Vega numbers clip paths and gradients from a process-wide counter; several SVGs inline in one page
 * share one id space, and the counter's value depends on what was drawn before. Renumbering per
 * chart, prefixed by the chart id, keeps ids unique in the page and the bytes independent of history.
 */
function scopeIds(svg: string, prefix: string): string {
  const renamed = new Map<string, string>();
  const rename = (id: string): string => {
    let name = renamed.get(id);
    if (!name) renamed.set(id, (name = `${prefix}-def${renamed.size + 1}`));
    return name;
  };
  return svg.replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${rename(id)}"`).replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${rename(id)})`);
}

function labelSvg(svg: string, chart: ChartDefinition): string {
  const open = svg.indexOf('>', svg.indexOf('<svg')) + 1;
  const tag = svg.slice(0, open - 1);
  const label = ` role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc"`;
  const text = `<title id="${chart.id}-title">${escapeHtml(chart.title)}</title><desc id="${chart.id}-desc">${escapeHtml(chart.description)}</desc>`;
  return `${tag}${label}>${text}${svg.slice(open)}`;
}
