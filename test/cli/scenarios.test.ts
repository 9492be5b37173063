// `mppsim scenarios`: the bundled scenarios listed with their titles and horizons, and copied to start
// from; and any command's scenario argument taking a bundled scenario's name.

import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, bundledScenarios, mppsim, tempDir } from '../support/cli.js';

const BASELINE = join(ROOT, 'scenarios/baseline-tucson-el-paso.yaml');

describe('mppsim scenarios', () => {
  it('lists every bundled scenario by its file name, with its title and horizon', () => {
    const r = mppsim(['scenarios']);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').slice(1).filter((l) => /^[a-z0-9-]+ {2}/.test(l));
    const files = bundledScenarios();
    expect(rows.map((l) => l.split(' ')[0])).toEqual(files.map((f) => basename(f, '.yaml')));
    for (const [i, file] of files.entries()) {
      const doc = parse(readFileSync(file, 'utf8')) as { name: string; title: string; days: number };
      // The name a user types is the file's; keeping it the scenario's own name avoids two names for one scenario.
      expect(doc.name).toBe(basename(file, '.yaml'));
      expect(rows[i]).toContain(doc.title);
      expect(rows[i]).toContain(`${doc.days} days`);
    }
    expect(r.stdout).toMatch(/^baseline-tucson-el-paso +Tucson-to-El Paso busing under MPP, Nov-Dec 2019 +47 days, 2019-11-15 to 2019-12-31$/m);
    expect(r.stdout).toMatch(/^calibration-2019 .* 548 days, 2018-10-01 to 2020-03-31$/m);
  });

  it('copies one to a file (--out) that validates, and will not overwrite it without --force', () => {
    const dir = tempDir();
    const target = join(dir, 'mine/start.yaml');
    const copied = mppsim(['scenarios', 'baseline-tucson-el-paso', '--out', target]);
    expect(copied.code).toBe(0);
    expect(copied.stdout).toContain(`wrote ${target}`);
    expect(readFileSync(target)).toEqual(readFileSync(BASELINE));
    expect(mppsim(['validate', target]).stdout).toContain('ok (baseline-tucson-el-paso: 2 sectors, 47 days)');

    writeFileSync(target, 'edited: true\n');
    const again = mppsim(['scenarios', 'before-busing', '--out', target]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`scenarios: ${target} exists; pass --force to replace it`);
    expect(readFileSync(target, 'utf8')).toBe('edited: true\n');
    expect(mppsim(['scenarios', 'before-busing', '--out', target, '--force']).code).toBe(0);
    expect(readFileSync(target)).toEqual(readFileSync(join(ROOT, 'scenarios/before-busing.yaml')));
  });

  it('copies one into a folder (--copy) as NAME.yaml', () => {
    const dir = join(tempDir(), 'new-folder');
    expect(mppsim(['scenarios', 'del-rio-cap', '--copy', dir]).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['del-rio-cap.yaml']);
    expect(readFileSync(join(dir, 'del-rio-cap.yaml'))).toEqual(readFileSync(join(ROOT, 'scenarios/del-rio-cap.yaml')));
  });

  it('names the bundled scenarios when asked for another, and refuses a copy without a name or with two targets', () => {
    const dir = tempDir();
    const unknown = mppsim(['scenarios', 'baseline', '--copy', dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('scenarios: no bundled scenario "baseline"; expected one of: baseline-tucson-el-paso, before-busing, calibration-2019,');
    expect(unknown.stderr).not.toMatch(/\bat \S+:\d+/);
    expect(readdirSync(dir)).toEqual([]);

    const nameless = mppsim(['scenarios', '--out', join(dir, 'a.yaml')]);
    expect(nameless.code).toBe(2);
    expect(nameless.stderr).toContain('scenarios: name the scenario to copy');
    const both = mppsim(['scenarios', 'del-rio-cap', '--out', join(dir, 'a.yaml'), '--copy', dir]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/mutually exclusive|conflict/i);
    expect(existsSync(join(dir, 'a.yaml'))).toBe(false);
  });

  it('lets run and validate take a bundled scenario by name from any folder; a file of that name comes first', () => {
    const dir = tempDir();
    const byName = join(dir, 'by-name');
    expect(mppsim(['run', 'before-busing', '--reps', '1', '--out', byName, '--quiet'], dir).code).toBe(0);
    const byPath = join(dir, 'by-path');
    expect(mppsim(['run', join(ROOT, 'scenarios/before-busing.yaml'), '--reps', '1', '--out', byPath, '--quiet']).code).toBe(0);
    expect(readFileSync(join(byName, 'summary.csv'), 'utf8')).toBe(readFileSync(join(byPath, 'summary.csv'), 'utf8'));

    writeFileSync(join(dir, 'del-rio-cap'), readFileSync(BASELINE));
    expect(mppsim(['validate', 'del-rio-cap'], dir).stdout.trim()).toBe('del-rio-cap: ok (baseline-tucson-el-paso: 2 sectors, 47 days)');
    const unknown = mppsim(['validate', 'del-rio'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe("del-rio: no such file, nor a bundled scenario's name (see mppsim scenarios)");
  });
});
