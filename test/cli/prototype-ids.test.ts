// Ids and field paths named like Object properties ("constructor", "toString", "__proto__") are
// looked up as the scenario's own keys only: issue 11 item 14.

import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, mppsim, tempDir } from '../support/cli.js';

const DEL_RIO = readFileSync(join(ROOT, 'scenarios/del-rio-cap.yaml'), 'utf8');
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scenarioFile(name: string, edit: (text: string) => string): string {
  const edited = edit(DEL_RIO);
  expect(edited).not.toBe(DEL_RIO);
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, edited);
  return file;
}

describe('a reference to an id named like an Object property that the scenario does not define', () => {
  it.each([
    ['port', (t: string) => t.replace('port: eagle-pass-laredo', 'port: constructor'), 'sectors.del-rio.port: unknown port "constructor"'],
    ['screening', (t: string) => t.replace('screening: del-rio-screening', 'screening: constructor'), 'sectors.del-rio.screening: unknown screening "constructor"'],
    ['mix', (t: string) => t.replace('family-unit: 0.6516', 'constructor: 0.6516'), 'sectors.del-rio.arrivals.mix.constructor: unknown category "constructor"'],
    ['citation', (t: string) => t.replace('citations:\n', 'citations:\n  sectors.del-rio.toString: { assumption: x }\n'), 'citations.sectors.del-rio.toString: cites a field that is not in the scenario'],
    ['__proto__ citation', (t: string) => t.replace('citations:\n', 'citations:\n  __proto__: { assumption: x }\n'), 'citations.__proto__: is not a field name'],
    ['__proto__ share', (t: string) => t.replace('family-unit: 0.6516\n', 'family-unit: 0.6516\n        __proto__: 0\n'), 'sectors.del-rio.arrivals.mix.__proto__: is not a field name'],
    ['__proto__ sector', (t: string) => t.replace('sectors:\n', 'sectors:\n  __proto__: { holdingCapacity: 1 }\n'), 'sectors.__proto__: is not a field name'],
  ])('%s: validate and run exit 2 naming the field', (name, edit, message) => {
    const file = scenarioFile(name.replace(/\W/g, ''), edit);
    const validate = mppsim(['validate', file]);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain(message);
    expect(validate.stderr).not.toMatch(/at .*\.js:\d+/);
    const run = mppsim(['run', file, '--reps', '1', '--out', join(dir, `out-${name}`), '--quiet']);
    expect(run.code).toBe(2);
  });
});

describe('an id that is legitimately named like an Object property', () => {
  it('a port called "constructor" runs exactly as the same port under its own name', () => {
    const file = scenarioFile('legit', (t) => t.replaceAll('eagle-pass-laredo', 'constructor'));
    const [renamed, original] = [file, join(ROOT, 'scenarios/del-rio-cap.yaml')].map((f, i) => {
      const out = join(dir, `legit-${i}`);
      expect(mppsim(['run', f, '--reps', '2', '--out', out, '--quiet']).code).toBe(0);
      return readFileSync(join(out, 'summary.csv'), 'utf8');
    });
    expect(renamed).toContain(',constructor,');
    expect(renamed.replaceAll('constructor', 'eagle-pass-laredo')).toBe(original);
    // vega draws a facet named like an Object property only if the report disguises it.
    const report = mppsim(['report', join(dir, 'legit-0'), '--quiet']);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    expect(readFileSync(join(dir, 'legit-0', 'report.html'), 'utf8')).toMatch(/<text[^>]*>constructor\u2060<\/text>/);
  });

  // "toString" is refused as a variant name, as a scenario name (not kebab-case); "constructor" is one.
  it('a variant called "constructor" is compared and reported', () => {
    const out = join(dir, 'variants');
    const variants = ['cap-60:ports.eagle-pass-laredo.dailyCap=60', 'constructor:ports.eagle-pass-laredo.dailyCap=70'].flatMap((v) => ['--variant', v]);
    const run = mppsim(['compare', join(ROOT, 'scenarios/del-rio-cap.yaml'), ...variants, '--reps', '2', '--out', out, '--report', '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const comparison = readFileSync(join(out, 'comparison.csv'), 'utf8');
    expect(comparison).toMatch(/^returned,total,cap-60,/m);
    expect(comparison).toMatch(/^returned,total,constructor,/m);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
  });
});

describe('field paths through an object prototype', () => {
  it.each([
    ['compare', '--variant', 'x:__proto__.polluted=1'],
    ['compare', '--variant', 'x:ports.constructor.prototype=1'],
    ['sweep', '--set', '__proto__.polluted=1,2'],
    ['size', '--vary', 'constructor.x=1..3'],
  ])('%s %s %s: exit 2, nothing written', (command, option, value) => {
    const out = join(dir, `path-${command}-${option}`);
    const args = [command, join(ROOT, 'scenarios/del-rio-cap.yaml'), option, value, '--reps', '1', '--out', out, '--quiet'];
    if (command === 'size') args.push('--target', 'released.total<=0');
    const run = mppsim(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"(__proto__|constructor|prototype)" cannot be a field name/);
    expect(existsSync(out)).toBe(false);
  });

  it('a path through a prototype function names no field', () => {
    const run = mppsim(['compare', join(ROOT, 'scenarios/del-rio-cap.yaml'), '--variant', 'x:ports.eagle-pass-laredo.toString.length=1', '--reps', '1', '--out', join(dir, 'tostring'), '--quiet']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the scenario has no ports.eagle-pass-laredo.toString');
  });
});
