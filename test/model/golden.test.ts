// Golden numbers: every bundled scenario, its own seed, 2 replications, on both calendars, gives the
// digests committed here. A refactor must keep them; a commit that changes one names the fix that did.
// Because both engines must match the same digest, this also proves the engines agree byte for byte.
// To see the digests of the working tree: GOLDEN_PRINT=1 npx vitest run test/model/golden.test.ts

import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledScenarios, mppsim, readOutputs, tempDir } from '../support/cli.js';

const FILES = ['daily.csv', 'summary.csv', 'replications.csv', 'events.csv'] as const;
type Digests = Partial<Record<(typeof FILES)[number], string>>;
/** Test-only scenarios for the features no bundled one uses; their per-person events are checked too. */
const FIXTURES = [join(import.meta.dirname, 'fixtures/golden-features.yaml'), join(import.meta.dirname, 'fixtures/golden-hearing-intake.yaml')];

/** sha256 (first 16 hex digits) of each file, per bundled scenario. */
const GOLDEN: Record<string, Digests> = {
  'baseline-tucson-el-paso.yaml': {"daily.csv":"b818da772e9dc2ca","summary.csv":"8c739110c1b7908a","replications.csv":"3390063f34b7f9a8"},
  'before-busing.yaml': {"daily.csv":"8db0623780233988","summary.csv":"6313a9be139a8c1a","replications.csv":"a4edcf08f45cbe60"},
  'calibration-2019.yaml': {"daily.csv":"75424ed5614f5c6d","summary.csv":"6d873740ab00251b","replications.csv":"db91bf30a2df47d2"},
  'del-rio-cap.yaml': {"daily.csv":"6d652eecb9b59e9f","summary.csv":"6185203b92ad43bc","replications.csv":"2d34ff8819a3bc5f"},
  'southwest-border-fy2019.yaml': {"daily.csv":"f0ecaaf50d47e0a1","summary.csv":"0c69aa3d270b8758","replications.csv":"320af13b45b39cb7"},
  'tucson-timeline-2019-2020.yaml': {"daily.csv":"276f911a86d87989","summary.csv":"1a64ed10d3b4a371","replications.csv":"7f8d67154d85ccc0"},
  'hearings-el-paso.yaml': {"daily.csv":"218215e5032025d5","summary.csv":"fbc28fabb852df4f","replications.csv":"067f215cb542b833"},
  'golden-features.yaml': {"daily.csv":"085476ab02b0bf14","summary.csv":"9a002dacaedf52de","replications.csv":"e794e8aca5cee973","events.csv":"2451044169c7bd40"},
  'golden-hearing-intake.yaml': {"daily.csv":"21ba11cbc69ead83","summary.csv":"a8ac36f4ed4879dc","replications.csv":"5bf504baa198060b","events.csv":"d1e1c81e07edf969"},
};

const dir = tempDir('mppsim-golden-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function digest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

describe('golden numbers of the bundled scenarios', () => {
  const scenarios = [...bundledScenarios(), ...FIXTURES];

  it('every bundled scenario has golden digests', () => {
    expect(scenarios.map((f) => basename(f)).sort()).toEqual(Object.keys(GOLDEN).sort());
  });

  it.each(scenarios)('%s', (file) => {
    const name = basename(file);
    for (const engine of ['heap', 'simjs'] as const) {
      const out = join(dir, `${name}-${engine}`);
      const events = FIXTURES.includes(file) ? ['--events'] : [];
      const run = mppsim(['run', file, '--out', out, '--engine', engine, '--reps', '2', '--quiet', ...events]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const outputs = readOutputs(out);
      const found = Object.fromEntries(FILES.filter((f) => outputs.has(f)).map((f) => [f, digest(outputs.get(f)!)]));
      if (process.env.GOLDEN_PRINT) console.log(`  '${name}': ${JSON.stringify(found)}, // ${engine}`);
      expect(found, `${name} on ${engine}`).toEqual(GOLDEN[name]);
    }
  }, 120_000);
});
