// The what-if page's picked files pass the command line's byte checks (issue 12 item 4): a file over
// 5 MB or not UTF-8 is refused with the words `mppsim run` prints for the same bytes.

import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.js';
import { loadScenario } from '../../src/scenario/load.js';
import { MAX_SCENARIO_BYTES } from '../../src/scenario/scenario-bytes.js';
import { fileSourceOf } from '../../web/src/picked-file.js';
import { tempDir } from '../support/cli.js';

const dir = tempDir('mppsim-page-bytes-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The messages the command line gives for these bytes, read from a file of that name. */
function cliMessages(name: string, bytes: Uint8Array): string[] {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  try {
    loadScenario(file);
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems.map((p) => p.message);
    throw error;
  }
  throw new Error(`${name} loaded`);
}

async function pageMessages(name: string, bytes: Uint8Array): Promise<string[]> {
  const source = await fileSourceOf(new File([bytes], name));
  if (!(source instanceof ScenarioError)) throw new Error(`${name} accepted`);
  expect(source.file).toBe(name);
  return source.problems.map((p) => p.message);
}

describe('scenario files picked in the page', () => {
  it('refuses a file over 5 MB as the command line does', async () => {
    const big = new Uint8Array(MAX_SCENARIO_BYTES + 1).fill(0x20);
    const expected = cliMessages('big.yaml', big);
    expect(expected).toEqual(['is 5.0 MB; expected a scenario file of at most 5 MB']);
    expect(await pageMessages('big.yaml', big)).toEqual(expected);
  });

  it('refuses bytes that are not UTF-8 as the command line does', async () => {
    const latin1 = new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]);
    const expected = cliMessages('latin1.yaml', latin1);
    expect(expected).toEqual(['expected UTF-8 text, found bytes that are not']);
    expect(await pageMessages('latin1.yaml', latin1)).toEqual(expected);
  });

  it('takes a UTF-8 file as its text, keyed by its name', async () => {
    const text = 'name: café\n';
    expect(await fileSourceOf(new File([text], 'mine.yaml'))).toEqual({ key: 'file:mine.yaml', label: 'mine.yaml', text });
  });
});
