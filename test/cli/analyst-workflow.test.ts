// The analyst's workflow (issue 16): places where the command line could mislead, run as a user would.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { ROOT, mppsim, tempDir } from '../support/cli.js';

const DEL_RIO = join(ROOT, 'scenarios/del-rio-cap.yaml');

describe('compare with one replication', () => {
  it('says intervals need two replications and leaves `significant` empty, not "no"', () => {
    const out = join(tempDir(), 'c');
    const run = mppsim(['compare', DEL_RIO, '--variant', 'cap-10:ports.eagle-pass-laredo.dailyCap=10', '--reps', '1', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Intervals need at least 2 replications');
    expect(run.stdout).not.toContain('No figure changes significantly');
    const rows = parse(readFileSync(join(out, 'comparison.csv')), { columns: true }) as Record<string, string>[];
    const variantRows = rows.filter((r) => r.variant === 'cap-10');
    expect(variantRows.length).toBeGreaterThan(10);
    expect(new Set(variantRows.map((r) => r.significant))).toEqual(new Set(['']));
    // The difference itself is still there: a cap of 10 a day returns far fewer people.
    const returned = variantRows.find((r) => r.metric === 'returned' && r.scope === 'total')!;
    expect(Number(returned.diff)).toBeLessThan(-100);
  });
});

describe('arrival mix shares', () => {
  it('refuses shares that do not sum to 1, naming the sum; rounding within 0.001 passes', () => {
    const dir = tempDir();
    const document = parseYaml(readFileSync(DEL_RIO, 'utf8')) as { sectors: Record<string, { arrivals: { mix: Record<string, number> } }> };
    const mix = document.sectors['del-rio'].arrivals.mix;
    const sum = Object.values(mix).reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - 1)).toBeLessThanOrEqual(0.001);
    const first = Object.keys(mix)[0];
    mix[first] += 0.1;
    const file = join(dir, 'typo.yaml');
    writeFileSync(file, stringifyYaml(document));
    const bad = mppsim(['validate', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${file}: sectors.del-rio.arrivals.mix: expected shares summing to 1 (within 0.001), got a sum of ${Number((sum + 0.1).toFixed(6))}`);
    expect(mppsim(['validate', DEL_RIO]).code).toBe(0);
  });
});

describe('messages that say where and what', () => {
  const write = (name: string, text: string): string => {
    const file = join(tempDir(), name);
    writeFileSync(file, text);
    return file;
  };
  const HEAD = 'name: x\nstart: 2019-11-01\ndays: 3\ncategories:\n  single: {groupSize: 1, mppEligible: true}\n';

  it.each([
    ['a duplicated key', `${HEAD}  single: {groupSize: 2, mppEligible: true}\n`, /Map keys must be unique \(line 6, column 3, key "single"\)/],
    ['a tab as indentation', `${HEAD}sectors:\n\ta: 1\n`, /Tabs are not allowed as indentation \(line 7, column 1\)/],
    ['bad indentation', `${HEAD}sectors:\n  a:\n    holdingCapacity: 3\n   port: x\n`, /\(line 9, column 1\)/],
  ])('a YAML syntax error (%s) names file, line and column', (_, text, message) => {
    const file = write('bad.yaml', text);
    const run = mppsim(['validate', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}: not valid YAML or JSON`);
    expect(run.stderr).toMatch(message);
  });

  it('a month key or a date in the wrong form says the form expected', () => {
    const text = readFileSync(DEL_RIO, 'utf8').replace("'2019-06': 8085", "'2019-6': 8085").replace("start: '2019-06-01'", "start: '06/01/2019'");
    const run = mppsim(['validate', write('dates.yaml', text)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('start: expected an ISO date YYYY-MM-DD (e.g. 2019-11-22), got "06/01/2019"');
    expect(run.stderr).toContain('sectors.del-rio.arrivals.monthly.2019-6: expected a month "YYYY-MM" as the key, got "2019-6"');
  });
});

describe('waits by sector of origin and by category, and differences that never print as 0', () => {
  const BASELINE = join(ROOT, 'scenarios/baseline-tucson-el-paso.yaml');
  it('summary and comparison give waits per exit and sector ("returned/tucson") and per exit and category', () => {
    const out = join(tempDir(), 'c');
    const run = mppsim(['compare', BASELINE, '--variant', 'two:routes.tucson-el-paso.busesPerDeparture=2', '--reps', '10', '--out', out]);
    expect(run.code).toBe(0);
    const summary = parse(readFileSync(join(out, 'summary.csv')), { columns: true }) as Record<string, string>[];
    const mean = (scope: string) => Number(summary.find((r) => r.metric === 'wait_hours_mean' && r.scope === scope && r.variant === 'baseline-tucson-el-paso')!.mean);
    // Tucson's returnees wait for the bus as well: longer than El Paso's own, and the all-sector mean lies between.
    expect(mean('returned/tucson')).toBeGreaterThan(2 * mean('returned/el-paso'));
    expect(mean('returned')).toBeGreaterThan(mean('returned/el-paso'));
    expect(mean('returned')).toBeLessThan(mean('returned/tucson'));
    expect(mean('returned/family-unit')).toBeGreaterThan(0);
    // A tiny significant difference prints with its digits and a relative change, not as "0  0 to 0".
    const line = run.stdout.split('\n').find((l) => /wait_hours_mean\s+returned\/el-paso\s+two/.test(l));
    expect(line).toBeDefined();
    expect(line).not.toMatch(/\s0 to 0$/);
    expect(line).toMatch(/%/);
    expect(run.stdout.split('\n')[2]).toMatch(/difference\s+change\s+95% interval/);
  });
});

describe('few replications', () => {
  it('run and compare with 2 replications say the intervals mean little', () => {
    const run = mppsim(['run', DEL_RIO, '--reps', '2', '--out', join(tempDir(), 'r')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('with 2 replications the 95% intervals are wide');
    const ten = mppsim(['run', DEL_RIO, '--reps', '4', '--out', join(tempDir(), 'r4')]);
    expect(ten.stdout).not.toContain('intervals are wide');
  });
});

describe('compare of scenarios that cannot be paired', () => {
  const unpairedFile = (): string => {
    const document = parseYaml(readFileSync(DEL_RIO, 'utf8')) as { name: string; start: string; days: number; sectors: Record<string, unknown> };
    document.name = 'later';
    document.start = '2019-07-01';
    document.days = 60;
    document.sectors.x = document.sectors['del-rio'];
    const file = join(tempDir(), 'b.yaml');
    writeFileSync(file, stringifyYaml(document));
    return file;
  };

  it('refuses different start dates, horizons and sectors, saying what differs; nothing written', () => {
    const b = unpairedFile();
    const out = join(tempDir(), 'c');
    const run = mppsim(['compare', DEL_RIO, b, '--reps', '2', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${b}: start: 2019-06-01 vs 2019-07-01; days: 92 vs 60; sectors only in ${b}: x (against ${DEL_RIO})`);
    expect(run.stderr).toContain('--allow-unpaired');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
    // A variant that moves the calendar is no more paired than a file that does.
    const variant = mppsim(['compare', DEL_RIO, '--variant', 'late:warmupDays=10', '--reps', '2', '--out', out]);
    expect(variant.code).toBe(2);
    expect(variant.stderr).toContain('variant late: warmupDays: 0 vs 10');
    const many = mppsim(['compare', DEL_RIO, ...Array.from({ length: 12 }, (_, i) => `--variant=d${i}:days=${30 + i}`), '--out', out]);
    expect(many.code).toBe(2);
    expect(many.stderr).toContain('variant d9: days: 92 vs 39');
    expect(many.stderr).not.toContain('variant d10:');
    expect(many.stderr).toContain('and 2 more');
    // --warmup-days sets every scenario's warm-up: that difference is gone.
    expect(mppsim(['compare', DEL_RIO, '--variant', 'late:warmupDays=10', '--warmup-days', '5', '--reps', '2', '--out', out, '--quiet']).code).toBe(0);
  });

  it('with --allow-unpaired runs, warning that the pairing is by replication number only', () => {
    const b = unpairedFile();
    const out = join(tempDir(), 'c');
    const run = mppsim(['compare', DEL_RIO, b, '--reps', '2', '--out', out, '--allow-unpaired']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('warning: these scenarios are paired by replication number only');
    expect(run.stderr).toContain(`${b}: start: 2019-06-01 vs 2019-07-01; days: 92 vs 60; sectors only in ${b}: x`);
    expect(existsSync(join(out, 'comparison.csv'))).toBe(true);
  });
});

describe('options and field paths as the user typed them', () => {
  it.each([
    [['--reps', 'abc'], '--reps: expected a whole number from 1 up, got "abc"'],
    [['--seed=12x'], '--seed: expected a whole number from 0 to 4294967295, got "12x"'],
    [['--max-people', 'lots'], '--max-people: expected a number of at least 1, got "lots"'],
    [['--reps', '1.5'], '--reps: expected a whole number from 1 up, got 1.5'],
  ])('run %j names the text typed', (options, message) => {
    const run = mppsim(['run', DEL_RIO, ...options, '--out', join(tempDir(), 'r')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(message);
  });

  it('accepts officers[0].count, the form messages print, as well as officers.0.count', () => {
    const dir = tempDir();
    const compare = (path: string) => mppsim(['compare', DEL_RIO, '--variant', `more:${path}=6`, '--reps', '2', '--out', join(dir, path), '--quiet']);
    const brackets = compare('screenings.del-rio-screening.officers[0].count');
    expect(brackets.stderr).toBe('');
    expect(brackets.code).toBe(0);
    expect(compare('screenings.del-rio-screening.officers.0.count').code).toBe(0);
    const same = (path: string) => readFileSync(join(dir, path, 'comparison.csv'), 'utf8');
    expect(same('screenings.del-rio-screening.officers[0].count')).toBe(same('screenings.del-rio-screening.officers.0.count'));
    const beyond = mppsim(['compare', DEL_RIO, '--variant', 'more:screenings.del-rio-screening.officers[3].count=6', '--out', join(dir, 'bad')]);
    expect(beyond.code).toBe(2);
    expect(beyond.stderr.trim()).toBe('cannot set screenings.del-rio-screening.officers[3].count: the scenario has no screenings.del-rio-screening.officers[3]; expected a position from 0 to 0');
    const proto = mppsim(['compare', DEL_RIO, '--variant', 'x:ports[0].__proto__.polluted=1', '--out', join(dir, 'bad')]);
    expect(proto.code).toBe(2);
    expect(proto.stderr).toContain('"__proto__" cannot be a field name');
  });

  it('an unknown id in a path lists the ids at that level, for --variant and --set', () => {
    const dir = tempDir();
    const variant = mppsim(['compare', DEL_RIO, '--variant', 'x:ports.nowhere.dailyCap=5', '--out', join(dir, 'v')]);
    expect(variant.code).toBe(2);
    expect(variant.stderr.trim()).toBe('cannot set ports.nowhere.dailyCap: the scenario has no ports.nowhere; expected one of: eagle-pass-laredo');
    const sweep = mppsim(['sweep', DEL_RIO, '--set', 'sector.del-rio.agents=10,20', '--out', join(dir, 's')]);
    expect(sweep.code).toBe(2);
    expect(sweep.stderr).toMatch(/the scenario has no sector; expected one of: categories, sectors, .*ports/);
  });

  it.each(['Two Buses', 'two_buses', 'toString'])('refuses the variant name %j as it refuses a scenario name', (name) => {
    const out = join(tempDir(), 'c');
    const run = mppsim(['compare', DEL_RIO, '--variant', `${name}:ports.eagle-pass-laredo.dailyCap=60`, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`--variant "${name}": expected a kebab-case name such as "two-buses", as scenario names are`);
    expect(existsSync(out)).toBe(false);
  });
});
