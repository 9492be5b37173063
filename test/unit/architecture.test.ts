// The architecture rules (.dependency-cruiser.cjs) on the real tree, and on small made-up trees
// with one wrong arrow each, to show that every rule catches what it is for (issue 12 item 5).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';

const ROOT = join(import.meta.dirname, '../..');
const rules = createRequire(import.meta.url)(join(ROOT, '.dependency-cruiser.cjs')) as IConfiguration;

async function violations(baseDir: string, roots: string[]): Promise<string[]> {
  const { output } = await cruise(roots, {
    ...rules.options,
    baseDir,
    validate: true,
    ruleSet: { forbidden: rules.forbidden ?? [] },
  });
  const result = output as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
}

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A tree of TypeScript files, each given as its path and the paths it imports (NodeNext style, `.js`). */
function tree(files: Record<string, string[]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mppsim-arch-'));
  temps.push(dir);
  for (const [path, imports] of Object.entries(files)) {
    mkdirSync(join(dir, dirname(path)), { recursive: true });
    const lines = imports.map((target, i) => `import { x as x${i} } from '${target}';`);
    writeFileSync(join(dir, path), `${lines.join('\n')}\nexport const x = 1;\n`);
  }
  return dir;
}

describe('architecture rules', () => {
  it('the real src/ and web/src/ break none', async () => {
    expect(await violations(ROOT, ['src', 'web/src'])).toEqual([]);
  });

  it('the model importing the CLI fails', async () => {
    const dir = tree({ 'src/model/x.ts': ['../cli/y.js'], 'src/cli/y.ts': [] });
    expect(await violations(dir, ['src'])).toEqual([
      'model-never-imports-upper-layers: src/model/x.ts -> src/cli/y.ts',
      'nothing-imports-cli: src/model/x.ts -> src/cli/y.ts',
    ]);
  });

  it('engine, random and stats importing anything else of ours fails; their own files are fine', async () => {
    const dir = tree({
      'src/stats/a.ts': ['./b.js', '../model/m.js'],
      'src/stats/b.ts': [],
      'src/engine/e.ts': ['../random/r.js'],
      'src/random/r.ts': [],
      'src/model/m.ts': [],
    });
    expect(await violations(dir, ['src'])).toEqual([
      'foundations-import-nothing-of-ours: src/engine/e.ts -> src/random/r.ts',
      'foundations-import-nothing-of-ours: src/stats/a.ts -> src/model/m.ts',
    ]);
  });

  it('a block importing another block fails, except a bus route importing holding', async () => {
    const dir = tree({
      'src/model/blocks/bus-route.ts': ['./holding.js', './port.js'],
      'src/model/blocks/port.ts': ['./holding.js'],
      'src/model/blocks/holding.ts': [],
    });
    expect(await violations(dir, ['src'])).toEqual([
      'bus-route-imports-only-holding: src/model/blocks/bus-route.ts -> src/model/blocks/port.ts',
      'no-block-imports-another-block: src/model/blocks/port.ts -> src/model/blocks/holding.ts',
    ]);
  });

  it('output importing the CLI or an experiment, src importing web, and a cycle fail', async () => {
    const dir = tree({
      'src/output/o.ts': ['../cli/c.js', '../experiment/e.js'],
      'src/experiment/e.ts': ['../output/p.js'],
      'src/output/p.ts': [],
      'src/cli/c.ts': ['../experiment/e.js'],
      'src/scenario/s.ts': ['../../web/src/w.js'],
      'web/src/w.ts': ['./v.js'],
      'web/src/v.ts': ['./w.js'],
    });
    expect(await violations(dir, ['src', 'web/src'])).toEqual([
      'no-circular: web/src/v.ts -> web/src/w.ts',
      'nothing-imports-cli: src/output/o.ts -> src/cli/c.ts',
      'output-never-imports-cli: src/output/o.ts -> src/cli/c.ts',
      'output-never-imports-experiment: src/output/o.ts -> src/experiment/e.ts',
      'src-never-imports-web: src/scenario/s.ts -> web/src/w.ts',
    ]);
  });

  it('an import that resolves to no file fails rather than hiding an arrow', async () => {
    const dir = tree({ 'src/model/x.ts': ['../cli/missing.js'] });
    expect(await violations(dir, ['src'])).toEqual(['not-to-unresolvable: src/model/x.ts -> ../cli/missing.js']);
  });
});
