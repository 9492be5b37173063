// `npm run screenshot:web`: the README's picture of the what-if page, made as a user would see it —
// `mppsim serve`, then Debian's Chromium opens the page with one lever moved and the comparison on.
// Usage: tsx scripts/what-if-screenshot.ts [PNG] [WIDTH] (default docs/what-if-screenshot.png, 1200).
// Needs /usr/bin/chromium and the built page (npm run build).

import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CHROMIUM, hasChromium, launchChromium } from '../test/support/browser.js';

const ROOT = resolve(import.meta.dirname, '..');
const target = resolve(process.argv[2] ?? join(ROOT, 'docs/what-if-screenshot.png'));
const width = Number(process.argv[3] ?? 1200);

if (!hasChromium()) {
  console.error(`screenshot: no Chromium at ${CHROMIUM}; install it with: apt-get update && apt-get install -y chromium`);
  process.exit(2);
}
const server = spawn(process.execPath, [join(ROOT, 'bin/mppsim.js'), 'serve', '--port', '0', '--quiet'], { cwd: ROOT });
try {
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (match) done(match[0]);
    });
    server.on('exit', (code) => fail(new Error(`mppsim serve exited ${code}`)));
  });
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 1500 });
    await page.goto(`${url}#scenario=baseline-tucson-el-paso&reps=10&seed=20191122&compare=1&busRoutes.tucson-el-paso.busesPerDeparture=2`);
    await page.locator('#results[data-charts]').waitFor({ state: 'attached', timeout: 30_000 });
    mkdirSync(dirname(target), { recursive: true });
    await page.screenshot({ path: target });
    console.log(`wrote ${target}`);
  } finally {
    await browser.close();
  }
} finally {
  server.kill();
}
