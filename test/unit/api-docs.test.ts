// docs/API.md names every value src/index.ts exports and no function it does not, so the documented
// API cannot fall behind the real one.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { ROOT } from '../support/cli.js';

const DOC = readFileSync(join(ROOT, 'docs/API.md'), 'utf8');

describe('docs/API.md', () => {
  it('names every value the package exports', () => {
    const undocumented = Object.keys(api).filter((name) => !DOC.includes(`\`${name}`));
    expect(undocumented).toEqual([]);
  });

  it('names no export that does not exist', () => {
    const named = [...DOC.matchAll(/`([a-z][A-Za-z]+)\(/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((name) => !(name in api))).toEqual([]);
  });
});
