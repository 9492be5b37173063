// The bundled scenarios load, and every number in them is cited: a fact from seeds/ or a stated assumption.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFacts, loadScenario, parseText } from '../../src/scenario/index.js';
import { bundledScenarios } from '../support/cli.js';

/** Dotted paths of every number in a document, except those under citations and facts. */
function numericLeaves(node: unknown, path: string[] = []): string[] {
  if (typeof node === 'number') return [path.join('.')];
  if (node === null || typeof node !== 'object') return [];
  if (path.length === 0) {
    const { citations: _c, facts: _f, ...rest } = node as Record<string, unknown>;
    node = rest;
  }
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => numericLeaves(value, [...path, key]));
}

/** Numbers that are bookkeeping, not claims about the world. */
const UNCITED_OK = new Set(['seed', 'replications', 'warmupDays']);

describe('bundled scenarios', () => {
  const facts = loadFacts();

  it('the four scenarios the issue names are bundled', () => {
    const names = bundledScenarios().map((f) => basename(f, '.yaml'));
    expect(names).toEqual(expect.arrayContaining(['baseline-tucson-el-paso', 'before-busing', 'del-rio-cap', 'southwest-border-fy2019']));
  });

  it('every fact in seeds/ has a value, unit, date and source', () => {
    expect(facts.size).toBeGreaterThan(20);
    for (const fact of facts.values()) {
      expect(fact.source.length, fact.id).toBeGreaterThan(5);
      expect(fact.date.length, fact.id).toBeGreaterThan(0);
    }
  });

  it.each(bundledScenarios())('%s loads and cites every number it uses', (file) => {
    const scenario = loadScenario(file);
    expect(basename(file, '.yaml')).toBe(scenario.name);
    const cited = Object.keys(scenario.citations);
    const document = parseText(file, readFileSync(file, 'utf8'));
    const uncited = numericLeaves(document).filter(
      (leaf) => !UNCITED_OK.has(leaf) && !cited.some((c) => leaf === c || leaf.startsWith(`${c}.`)),
    );
    expect(uncited).toEqual([]);
  });
});
