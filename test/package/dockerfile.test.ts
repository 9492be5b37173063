// The container recipe (issue 17 item 5) is not built here (no image registry is reachable), so its
// steps are checked against the pack-and-install test's: the packed tarball, installed without its
// development dependencies, run by a non-root user through the installed bin.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const instructions = dockerfile.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));

describe('Dockerfile', () => {
  it('starts from the official Node image of the version package.json requires', () => {
    const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(instructions[0]).toMatch(/^FROM node:(\d+)/);
    expect(Number(/^FROM node:(\d+)/.exec(instructions[0])![1])).toBe(Number(/(\d+)/.exec(engines)![1]));
  });

  it('installs the packed tarball without development dependencies, as the pack test does, and runs as the node user', () => {
    const run = instructions.find((l) => l.startsWith('RUN '))!;
    expect(run).toMatch(/npm install --omit=dev --ignore-scripts [^&]*\/tmp\/mppsim\.tgz/);
    expect(readFileSync(join(ROOT, 'test/package/pack.test.ts'), 'utf8')).toContain("'install', '--ignore-scripts'");
    const user = instructions.findIndex((l) => l === 'USER node');
    expect(user).toBeGreaterThan(instructions.indexOf(run));
    expect(instructions.at(-2)).toBe('ENTRYPOINT ["npx", "--no-install", "mppsim"]');
  });

  it('is documented in the README with the commands in its header', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('docker build --build-arg TARBALL=mppsim-0.1.0.tgz -t mppsim .');
    expect(dockerfile).toContain('docker build --build-arg TARBALL=mppsim-0.1.0.tgz -t mppsim .');
  });
});
