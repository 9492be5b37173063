// The what-if page as a person uses it: `mppsim serve` serves the built page (dist/web), headless
// Chromium (Debian's, driven by playwright-core) loads it, a slider is moved, files are downloaded
// and loaded; what the page shows must be what `mppsim run` gives for the scenario it offers.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium, type ChromiumSession } from '../support/browser.js';
import { mppsim, ROOT, tempDir } from '../support/cli.js';

const NO_CHROMIUM = `no Chromium at ${CHROMIUM} (install it with: apt-get update && apt-get install -y chromium)`;
const SEATS = 'busRoutes.tucson-el-paso.seatsPerBus';

if (!hasChromium()) {
  console.warn(`what-if page test skipped: ${NO_CHROMIUM}`);
  describe('the what-if page in headless Chromium', () => it.skip(`skipped: ${NO_CHROMIUM}`, () => {}));
}

/** Starts `mppsim serve --port 0` and resolves with the address it prints. */
function serve(): Promise<{ server: ChildProcessWithoutNullStreams; url: string }> {
  const server = spawn(process.execPath, [join(ROOT, 'bin/mppsim.js'), 'serve', '--port', '0', '--quiet'], { cwd: ROOT });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`mppsim serve printed no address in 10 s: ${out}${err}`)), 10_000);
    server.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ server, url: match[0] });
      }
    });
    server.on('exit', (code) => reject(new Error(`mppsim serve exited ${code}: ${err}`)));
  });
}

interface Watched {
  page: Page;
  /** Console errors, uncaught errors, and requests that left the served origin. */
  problems: string[];
}

async function open(session: ChromiumSession, origin: string): Promise<Watched> {
  const page = await session.context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => void (!r.url().startsWith(origin) && !r.url().startsWith('blob:') && !r.url().startsWith('data:') && problems.push(`request: ${r.url()}`)));
  return { page, problems };
}

/** Waits until the page has finished its `runs`-th run. */
async function finishedRun(page: Page, runs: number): Promise<void> {
  await page.locator(`#results[data-runs="${runs}"][data-state="done"]`).waitFor({ state: 'attached', timeout: 20_000 });
}

async function keyFigure(page: Page, metric: string, scope = 'total'): Promise<number> {
  return Number(await page.locator(`#figures tr[data-metric="${metric}"][data-scope="${scope}"]`).getAttribute('data-mean'));
}

/** Clicks a download button and saves the file as `prefix` + its suggested name. */
async function download(page: Page, which: string, prefix: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`#downloads button[data-download="${which}"]`).click()]);
  const path = `${prefix}${file.suggestedFilename()}`;
  await file.saveAs(path);
  return path;
}

describe.runIf(hasChromium())('the what-if page in headless Chromium', () => {
  let dir = '';
  let session: ChromiumSession;
  let server: ChildProcessWithoutNullStreams | undefined;
  let url = '';
  let editedUrl = '';

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/web/index.html'))) throw new Error('dist/web is missing: `npm test` builds it first (npm run build)');
    dir = tempDir('mppsim-what-if-');
    ({ server, url } = await serve());
    session = await launchChromium();
  });

  afterAll(async () => {
    await session?.close();
    server?.kill();
  });

  it('shows the baseline, reruns when the seats slider moves, and its downloads reproduce with `mppsim run`', async () => {
    const { page, problems } = await open(session, url);
    const started = Date.now();
    await page.goto(url);
    await finishedRun(page, 1);
    const firstResultMs = Date.now() - started;
    const inPage = Number(await page.locator('body').getAttribute('data-first-result-ms'));
    console.log(
      `what-if page: first baseline result ${firstResultMs} ms after navigation (${inPage} ms by the page's clock); ` +
        `${await page.locator('#status').textContent()} Screenshots: ${dir}`,
    );
    // The issue asks for under 2 s on this machine; the bound here leaves room for a loaded CI machine.
    expect(firstResultMs).toBeLessThan(10_000);
    expect(page.url()).toContain('scenario=baseline-tucson-el-paso');

    const before = { boarded: await keyFigure(page, 'boarded'), returned: await keyFigure(page, 'returned') };
    expect(before.boarded).toBeGreaterThan(0);
    await page.locator('#results[data-charts="1"]').waitFor({ state: 'attached', timeout: 20_000 });
    const charts = await page.$$eval('#charts figure.chart', (figures) =>
      figures.map((f) => ({ id: f.id, role: f.querySelector('svg')?.getAttribute('role'), caption: f.querySelector('figcaption')?.textContent ?? '' })),
    );
    expect(charts.map((c) => c.id)).toEqual(['chart-queues', 'chart-occupancy', 'chart-throughput', 'chart-bus-load', 'chart-port-cap', 'chart-return-time']);
    for (const c of charts) {
      expect(c.role).toBe('img');
      expect(c.caption.length).toBeGreaterThan(40);
    }
    await page.screenshot({ path: join(dir, 'what-if-baseline.png'), fullPage: true });

    // Keyboard, as a person without a mouse would: ten steps right, 50 -> 60 seats.
    const slider = page.locator(`input[type=range][data-lever="${SEATS}"]`);
    await slider.focus();
    for (let i = 0; i < 10; i++) await slider.press('ArrowRight');
    await finishedRun(page, 2);
    expect(await slider.inputValue()).toBe('60');
    expect(decodeURIComponent(page.url())).toContain(`${SEATS}=60`);
    const after = { boarded: await keyFigure(page, 'boarded'), returned: await keyFigure(page, 'returned') };
    expect(after.boarded).not.toBe(before.boarded);
    editedUrl = page.url();

    const scenario = await download(page, 'scenario.yaml', `${dir}/`);
    const summary = await download(page, 'summary.csv', `${dir}/`);
    const daily = await download(page, 'daily.csv', `${dir}/`);
    expect(scenario).toMatch(/baseline-tucson-el-paso-what-if\.yaml$/);
    expect(readFileSync(scenario, 'utf8')).toContain('seatsPerBus: 60');
    const seed = await page.locator('#results').getAttribute('data-seed');
    const reps = await page.locator('#results').getAttribute('data-replications');
    const out = join(dir, 'cli');
    const run = mppsim(['run', scenario, '--seed', String(seed), '--reps', String(reps), '--out', out, '--workers', '1', '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(summary, 'utf8')).toBe(readFileSync(join(out, 'summary.csv'), 'utf8'));
    expect(readFileSync(daily, 'utf8')).toBe(readFileSync(join(out, 'daily.csv'), 'utf8'));
    const cliBoarded = readFileSync(join(out, 'summary.csv'), 'utf8').split('\n').find((l) => l.startsWith('boarded,total,'));
    expect(Number(cliBoarded?.split(',')[2])).toBe(after.boarded);

    await page.locator('#results[data-charts="2"]').waitFor({ state: 'attached', timeout: 20_000 });
    await page.screenshot({ path: join(dir, 'what-if-seats-60.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('refuses a link that asks for more than a browser tab should run, at once, and holds lever values to their range', async () => {
    const { page } = await open(session, url);
    await page.goto(`${url}#scenario=southwest-border-fy2019&reps=200&arrivalScale=100`);
    await page.locator('#results[data-state="invalid"]').waitFor({ state: 'attached', timeout: 10_000 });
    expect(await page.locator('#problems').textContent()).toMatch(/too large to run in the page: this would simulate about [\d.]+ million people/);
    await page.goto(`${url}#scenario=baseline-tucson-el-paso&reps=2&${encodeURIComponent('busRoutes.tucson-el-paso.departuresPerDay')}=1e10`);
    await page.reload();
    await finishedRun(page, 1);
    const lever = page.locator('input[type=range][data-lever="busRoutes.tucson-el-paso.departuresPerDay"]');
    expect(Number(await lever.inputValue())).toBe(Number(await lever.getAttribute('max')));
    await page.close();
  });

  it('says beside a lever\u2019s number box why a typed value is not taken, and runs nothing for it (issue 16 item 14)', async () => {
    const { page, problems } = await open(session, url);
    await page.goto(`${url}#scenario=baseline-tucson-el-paso&reps=2`);
    await finishedRun(page, 1);
    const box = page.locator(`input[type=number][data-lever="${SEATS}"]`);
    const why = page.locator(`#${await box.getAttribute('aria-describedby')}`);
    await expect(why.isVisible()).resolves.toBe(false);
    await box.fill('-5');
    await why.waitFor({ state: 'visible', timeout: 5_000 });
    expect(await why.textContent()).toBe('expected 1 to 100 seats, got -5');
    expect(await box.getAttribute('aria-invalid')).not.toBeNull();
    await box.fill('500');
    expect(await why.textContent()).toBe('expected 1 to 100 seats, got 500');
    // The box sits just above its message: the reason is beside the value it is about.
    const [boxAt, whyAt] = [await box.boundingBox(), await why.boundingBox()];
    expect(whyAt!.y - (boxAt!.y + boxAt!.height)).toBeLessThan(30);
    expect(await page.locator('#results').getAttribute('data-runs')).toBe('1');
    await box.fill('60');
    await finishedRun(page, 2);
    await expect(why.isVisible()).resolves.toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('on a phone (375 px) shows the results before the levers and never scrolls sideways (issue 16 item 12)', async () => {
    const { page } = await open(session, url);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${url}#scenario=baseline-tucson-el-paso&reps=2`);
    await finishedRun(page, 1);
    await page.locator('#results[data-charts="1"]').waitFor({ state: 'attached', timeout: 30_000 });
    const results = await page.locator('#results').boundingBox();
    const controls = await page.locator('#controls').boundingBox();
    expect(results!.y).toBeLessThan(controls!.y);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.close();
  });

  it('shows the hearing half and the policy timeline, and its court levers rerun the figures', async () => {
    const { page, problems } = await open(session, url);
    const SLOTS = 'courts.el-paso-court.slotsPerDay';
    await page.goto(`${url}#scenario=hearings-el-paso&reps=2`);
    await finishedRun(page, 1);
    expect(await page.locator(`input[type=range][data-lever="${SLOTS}"]`).inputValue()).toBe('250');
    expect(await page.locator('input[type=range][data-lever="courts.el-paso-court.leadDays"]').inputValue()).toBe('60');
    const published = await keyFigure(page, 'returns_per_day');
    await page.locator('#results[data-charts="1"]').waitFor({ state: 'attached', timeout: 30_000 });
    const ids = await page.$$eval('#charts figure.chart', (figures) => figures.map((f) => f.id));
    expect(ids).toEqual(expect.arrayContaining(['chart-court-docket', 'chart-port-crossings']));
    expect(await page.locator('#charts table.timeline tbody tr').count()).toBe(6); // five route and port changes and the March 2020 postponement
    await page.close();

    // Fewer docket slots: fewer hearings, so fewer people returned after one cross into Mexico a day.
    const tight = await open(session, url);
    await tight.page.goto(`${url}#scenario=hearings-el-paso&reps=2&${encodeURIComponent(SLOTS)}=50`);
    await finishedRun(tight.page, 1);
    expect(await tight.page.locator(`input[type=range][data-lever="${SLOTS}"]`).inputValue()).toBe('50');
    expect(await keyFigure(tight.page, 'returns_per_day')).toBeLessThan(published);
    expect([...problems, ...tight.problems]).toEqual([]);
    await tight.page.close();
  });

  it('reproduces a view from its link, with either event calendar, and compares it with the scenario as published', async () => {
    expect(editedUrl).toContain('#');
    const { page, problems } = await open(session, url);
    await page.goto(editedUrl);
    await finishedRun(page, 1);
    expect(await page.locator(`input[type=range][data-lever="${SEATS}"]`).inputValue()).toBe('60');
    const boarded = await keyFigure(page, 'boarded');
    // simjs's calendar, its bundle inlined by the build in place of the Node file read: the same numbers.
    await page.locator('#engine').selectOption('simjs');
    await finishedRun(page, 2);
    expect(await keyFigure(page, 'boarded')).toBe(boarded);
    expect(page.url()).toContain('engine=simjs');
    await page.locator('#engine').selectOption('heap');
    await finishedRun(page, 3);
    await page.locator('#compare').check();
    await finishedRun(page, 4);
    expect(page.url()).toContain('compare=1');
    // Same seeds: the edited variant's figures are unchanged, and paired differences appear beside them.
    expect(await keyFigure(page, 'boarded')).toBe(boarded);
    const row = page.locator('#figures tr[data-metric="boarded"][data-scope="total"]');
    expect(Number(await row.getAttribute('data-diff'))).not.toBe(0);
    await page.locator('#results[data-charts="4"]').waitFor({ state: 'attached', timeout: 20_000 });
    expect(await page.locator('#chart-differences svg[role=img]').count()).toBe(1);

    // The paired differences are `mppsim compare`'s, byte for byte, for the published file and the page's.
    const scenario = await download(page, 'scenario.yaml', join(dir, 'compare-'));
    const comparisonCsv = await download(page, 'comparison.csv', join(dir, 'compare-'));
    const out = join(dir, 'cli-compare');
    const seed = String(await page.locator('#results').getAttribute('data-seed'));
    const reps = String(await page.locator('#results').getAttribute('data-replications'));
    const compare = mppsim(['compare', join(ROOT, 'scenarios/baseline-tucson-el-paso.yaml'), scenario, '--seed', seed, '--reps', reps, '--out', out, '--workers', '1', '--quiet']);
    expect(compare.stderr).toBe('');
    expect(compare.code).toBe(0);
    expect(readFileSync(comparisonCsv, 'utf8')).toBe(readFileSync(join(out, 'comparison.csv'), 'utf8'));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a broken scenario file\u2019s problems as `mppsim validate` words them, and is readable 320 px wide', async () => {
    const broken = join(dir, 'broken.yaml');
    const baseline = readFileSync(join(ROOT, 'scenarios/baseline-tucson-el-paso.yaml'), 'utf8');
    writeFileSync(broken, baseline.replace('seatsPerBus: 50', 'seatsPerBus: -5').replace('dailyCap: 200', 'dailyCap: lots'));
    const validate = mppsim(['validate', 'broken.yaml'], dir);
    expect(validate.code).toBe(2);
    const expected = validate.stderr.trim().split('\n');
    expect(expected.length).toBeGreaterThanOrEqual(2);

    const { page, problems } = await open(session, url);
    await page.setViewportSize({ width: 320, height: 900 });
    await page.goto(url);
    await finishedRun(page, 1);
    await page.locator('#results[data-charts="1"]').waitFor({ state: 'attached', timeout: 20_000 });
    // Nothing wider than the screen: the page never scrolls sideways (wide tables scroll inside their own box).
    expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: join(dir, 'what-if-320px.png'), fullPage: true });

    await page.locator('#file').setInputFiles(broken);
    await page.locator('#problems li').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('#problems li').allTextContents()).toEqual(expected);
    expect(await page.locator('#results').getAttribute('data-state')).toBe('invalid');
    expect(await page.locator('#scenario').inputValue()).toBe('file:broken.yaml');
    await page.locator('#problems').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(dir, 'what-if-broken-file.png') });
    expect(problems).toEqual([]);
    await page.close();
  });
});
