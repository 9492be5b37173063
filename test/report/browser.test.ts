// The report as a person sees it: headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core) opens report.html from disk, with no network, and every chart must be drawn.

import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium, openFile, type ChromiumSession } from '../support/browser.js';
import { mppsim, tempDir } from '../support/cli.js';
import { writePortScenario } from '../support/port-document.js';
import { writeSmallScenario } from './small-scenario.js';

const NO_CHROMIUM = `no Chromium at ${CHROMIUM} (install it with: apt-get update && apt-get install -y chromium)`;

if (!hasChromium()) {
  console.warn(`browser test skipped: ${NO_CHROMIUM}`);
  describe('report.html in headless Chromium', () => it.skip(`skipped: ${NO_CHROMIUM}`, () => {}));
}

interface ChartOnScreen {
  id: string;
  width: number;
  height: number;
  /** vega mark classes with at least one drawn data mark, e.g. "mark-line". */
  markTypes: string[];
  drawnMarks: number;
  role: string | null;
  labels: string[];
  caption: string;
}

/** What each chart figure shows on screen, and what it says for screen readers. */
function chartsOnScreen(page: Page): Promise<ChartOnScreen[]> {
  return page.$$eval('figure.chart', (figures) =>
    figures.map((figure) => {
      const svg = figure.querySelector('svg');
      const box = svg?.getBoundingClientRect();
      // Data marks are vega's `role-mark` groups (axes, legends and titles have other roles);
      // a drawn one is a path or line with a size on screen.
      const marks = svg ? [...svg.querySelectorAll('g.role-mark > path, g.role-mark > line')] : [];
      const drawn = marks.filter((m) => {
        const b = (m as unknown as { getBBox(): { width: number; height: number } }).getBBox();
        return b.width > 0 || b.height > 0;
      });
      const labelledBy = (svg?.getAttribute('aria-labelledby') ?? '').split(' ').filter(Boolean);
      return {
        id: figure.id,
        width: box?.width ?? 0,
        height: box?.height ?? 0,
        markTypes: [...new Set(drawn.map((m) => (m.parentElement?.getAttribute('class') ?? '').split(' ')[0]))].sort(),
        drawnMarks: drawn.length,
        role: svg?.getAttribute('role') ?? null,
        labels: labelledBy.map((id: string) => figure.ownerDocument.getElementById(id)?.textContent ?? ''),
        caption: figure.querySelector('figcaption')?.textContent ?? '',
      };
    }),
  );
}

function expectDrawnAndLabelled(charts: readonly ChartOnScreen[]): void {
  for (const chart of charts) {
    expect(chart.width, chart.id).toBeGreaterThan(300);
    expect(chart.height, chart.id).toBeGreaterThan(150);
    expect(chart.drawnMarks, chart.id).toBeGreaterThan(0);
    // Text alternative: the SVG is an image labelled by its <title> and <desc>, and the figure has a caption.
    expect(chart.role, chart.id).toBe('img');
    expect(chart.labels, chart.id).toHaveLength(2);
    for (const text of chart.labels) expect(text.length, chart.id).toBeGreaterThan(10);
    expect(chart.caption.length, chart.id).toBeGreaterThan(40);
  }
}

describe.runIf(hasChromium())('report.html in headless Chromium', () => {
  let dir = '';
  let browser: ChromiumSession;

  beforeAll(async () => {
    dir = tempDir('mppsim-report-');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('of a run: opens from disk with no console errors and no requests, every chart drawn with data marks', async () => {
    const out = join(dir, 'run');
    const run = mppsim(['run', writeSmallScenario(dir), '--out', out, '--events', '--workers', '1', '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = mppsim(['report', out]);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    expect(report.stdout.trim()).toBe(`wrote ${join(out, 'report.html')}`);

    const { page, errors, requests } = await openFile(browser.context, join(out, 'report.html'));
    try {
      const charts = await chartsOnScreen(page);
      expect(charts.map((c) => c.id)).toEqual([
        'chart-queues',
        'chart-occupancy',
        'chart-throughput',
        'chart-bus-load',
        'chart-port-cap',
        'chart-return-time',
        'chart-return-time-histogram',
      ]);
      expectDrawnAndLabelled(charts);
      const marks = Object.fromEntries(charts.map((c) => [c.id, c.markTypes]));
      // The band charts draw the interval (area) and the mean (line); the histogram draws bars (rect).
      for (const id of ['chart-queues', 'chart-occupancy', 'chart-throughput']) expect(marks[id]).toEqual(['mark-area', 'mark-line']);
      expect(marks['chart-bus-load']).toEqual(expect.arrayContaining(['mark-area', 'mark-line', 'mark-symbol']));
      expect(marks['chart-port-cap']).toEqual(['mark-area', 'mark-line']);
      expect(marks['chart-return-time']).toEqual(['mark-rule', 'mark-symbol']);
      expect(marks['chart-return-time-histogram']).toEqual(['mark-rect']);

      // The tables are there too: every summary row, and parameters with their sources.
      expect(await page.locator('table.summary tbody tr:not(:has(th))').count()).toBeGreaterThan(50);
      expect(await page.locator('table.parameters .mark.fact').count()).toBeGreaterThan(0);
      expect(await page.locator('table.parameters .mark.assumption').count()).toBeGreaterThan(0);

      const screenshot = join(out, 'report.png');
      await page.screenshot({ path: screenshot, fullPage: true });
      expect(statSync(screenshot).size).toBeGreaterThan(10_000);

      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('of a comparison, a sweep and a size search: the same checks', async () => {
    const scenario = writeSmallScenario(dir);
    const compare = join(dir, 'compare');
    const sweep = join(dir, 'sweep');
    const size = join(dir, 'size');
    expect(mppsim(['size', writePortScenario(dir, 'deterministic'), '--vary', 'ports.p.dailyCap=70..90:5', '--target', 'queue_end.p <= 0', '--out', size, '--reps', '2', '--workers', '1', '--quiet']).code).toBe(0);
    expect(mppsim(['compare', scenario, '--variant', 'more-seats:busRoutes.tucson-el-paso.seatsPerBus=60', '--out', compare, '--reps', '3', '--workers', '1', '--quiet']).code).toBe(0);
    expect(mppsim(['sweep', scenario, '--set', 'busRoutes.tucson-el-paso.seatsPerBus=40,60', '--set', 'ports.ciudad-juarez.dailyCap=30,50', '--out', sweep, '--reps', '2', '--workers', '1', '--quiet']).code).toBe(0);
    for (const [out, ids] of [
      [compare, ['chart-differences', 'chart-queues-by-variant', 'chart-occupancy-by-variant']],
      [sweep, ['chart-sweep']],
      [size, ['chart-size']],
    ] as const) {
      const report = mppsim(['report', out]);
      expect(report.stderr).toBe('');
      expect(report.code).toBe(0);
      const { page, errors, requests } = await openFile(browser.context, join(out, 'report.html'));
      try {
        const charts = await chartsOnScreen(page);
        expect(charts.map((c) => c.id)).toEqual(ids);
        expectDrawnAndLabelled(charts);
        await page.screenshot({ path: join(out, 'report.png'), fullPage: true });
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  it('on a phone (375 px): the page never scrolls sideways and chart text stays readable (issue 16 item 12)', async () => {
    const scenario = writeSmallScenario(dir);
    const run = join(dir, 'phone-run');
    const compare = join(dir, 'phone-compare');
    expect(mppsim(['run', scenario, '--out', run, '--reps', '3', '--report', '--quiet']).code).toBe(0);
    expect(mppsim(['compare', scenario, '--variant', 'more-seats:busRoutes.tucson-el-paso.seatsPerBus=60', '--out', compare, '--reps', '3', '--report', '--quiet']).code).toBe(0);
    const size = join(dir, 'phone-size');
    expect(mppsim(['size', writePortScenario(dir, 'deterministic'), '--vary', 'ports.p.dailyCap=70..90:5', '--target', 'queue_end.p <= 0', '--out', size, '--reps', '2', '--report', '--quiet']).code).toBe(0);
    for (const out of [run, compare, size]) {
      const { page } = await openFile(browser.context, join(out, 'report.html'));
      try {
        await page.setViewportSize({ width: 375, height: 800 });
        // An expression, not a function: the test files are compiled without the DOM's types.
        const layout = (await page.evaluate(`(() => {
          const heights = [...document.querySelectorAll('svg text')].map((t) => t.getBoundingClientRect().height).filter((h) => h > 0);
          return { scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth, smallestText: Math.min(...heights) };
        })()`)) as { scroll: number; width: number; smallestText: number };
        expect(layout.scroll).toBeLessThanOrEqual(layout.width);
        // Drawn at 11-12 px; scaled down to the phone's width they were 3-5 px.
        expect(layout.smallestText).toBeGreaterThanOrEqual(9);
      } finally {
        await page.close();
      }
    }
  });
});
