// `mppsim serve`'s static file server: the files of one folder, nothing outside it, GET and HEAD only.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticServer } from '../../src/cli/serve-command.js';
import { ROOT, mppsim } from '../support/cli.js';

describe('mppsim serve', () => {
  const root = mkdtempSync(join(tmpdir(), 'mppsim-serve-'));
  const site = join(root, 'site');
  const server = staticServer(site);
  let base = '';

  beforeAll(async () => {
    mkdirSync(join(site, 'assets'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<!DOCTYPE html><title>t</title>');
    writeFileSync(join(site, 'assets', 'a.js'), 'export {};');
    writeFileSync(join(root, 'secret.txt'), 'outside');
    // Issue 11 item 19: links that lead out of the folder, and dotfiles, are not the page's files.
    symlinkSync('/etc/hostname', join(site, 'hostname'));
    symlinkSync(join(root, 'secret.txt'), join(site, 'assets', 'secret.txt'));
    symlinkSync(root, join(site, 'up'));
    symlinkSync(join(site, 'assets', 'a.js'), join(site, 'same.js'));
    writeFileSync(join(site, '.secret'), 'token');
    mkdirSync(join(site, '.git'));
    writeFileSync(join(site, '.git', 'config'), '[core]');
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the page and its assets with their types', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>t</title>');
    const script = await fetch(`${base}/assets/a.js?v=1`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses what is not a file of the folder, and methods other than GET and HEAD', async () => {
    for (const path of ['/missing.js', '/assets', '/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${base}/`, { method: 'HEAD' })).status).toBe(200);
  });

  it('refuses links that lead out of the folder and dotfiles; a link within the folder is served', async () => {
    for (const path of ['/hostname', '/assets/secret.txt', '/up/secret.txt', '/.secret', '/.git/config', '/%2esecret', '/assets/../.secret']) {
      const answer = await fetch(`${base}${path}`);
      expect(answer.status, path).toBe(404);
      expect(await answer.text(), path).toBe('not found\n');
    }
    expect(await (await fetch(`${base}/same.js`)).text()).toBe('export {};');
  });

  it('forbids framing and anything from elsewhere on every answer', async () => {
    for (const answer of [await fetch(`${base}/`), await fetch(`${base}/.secret`)]) {
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      const policy = answer.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
    }
  });

  it('the command itself, on any free port: no link out, no dotfile, the headers on every answer', async () => {
    const server = spawn(process.execPath, [join(ROOT, 'bin/mppsim.js'), 'serve', '--dir', site, '--port', '0', '--quiet']);
    try {
      const address = await new Promise<string>((found, failed) => {
        let printed = '';
        server.stdout.on('data', (chunk: Buffer) => {
          printed += chunk.toString();
          const url = /http:\/\/127\.0\.0\.1:\d+/.exec(printed)?.[0];
          if (url) found(url);
        });
        server.on('exit', (code) => failed(new Error(`serve exited with ${code} before printing its address`)));
      });
      expect((await fetch(`${address}/hostname`)).status).toBe(404);
      expect((await fetch(`${address}/.secret`)).status).toBe(404);
      const page = await fetch(`${address}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    } finally {
      server.kill();
    }
  });

  it('says what to do when the page has not been built', () => {
    const run = mppsim(['serve', '--dir', join(root, 'nothing-here'), '--port', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no index\.html; build the what-if page first with `npm run build`/);
  });
});
