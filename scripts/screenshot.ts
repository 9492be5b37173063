// `npm run screenshot`: the README's picture of a report, made with the project's own commands —
// `mppsim run` on the baseline, `mppsim report`, then Debian's Chromium takes the picture.
// Usage: tsx scripts/screenshot.ts [PNG] (default docs/report-screenshot.png). Needs /usr/bin/chromium.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { CHROMIUM, hasChromium, launchChromium, openFile } from '../test/support/browser.js';

const ROOT = resolve(import.meta.dirname, '..');
const target = resolve(process.argv[2] ?? join(ROOT, 'docs/report-screenshot.png'));

function mppsim(args: string[]): void {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/mppsim.js'), ...args], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`mppsim ${args.join(' ')} exited ${run.status}`);
}

if (!hasChromium()) {
  console.error(`screenshot: no Chromium at ${CHROMIUM}; install it with: apt-get update && apt-get install -y chromium`);
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'mppsim-screenshot-'));
try {
  const out = join(work, 'baseline-tucson-el-paso');
  mppsim(['run', 'scenarios/baseline-tucson-el-paso.yaml', '--out', out, '--events', '--quiet']);
  mppsim(['report', out]);
  const browser = await launchChromium();
  try {
    const { page, errors } = await openFile(browser.context, join(out, 'report.html'));
    if (errors.length > 0) throw new Error(`the report logged errors: ${errors.join('; ')}`);
    // The top of the page: title, contents and the first charts, as a reader first sees them.
    await page.setViewportSize({ width: 1100, height: 1500 });
    mkdirSync(dirname(target), { recursive: true });
    await page.screenshot({ path: target });
    console.log(`wrote ${target}`);
  } finally {
    await browser.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
