// The bundled facts parsed at build time (dist/facts.json): used only for the very text they were
// parsed from, and then the same registry as parsing the file now. Needs `npm run build` first.

import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_FACTS_FILE, loadFacts, parseFacts, parseText } from '../../src/scenario/index.js';
import { PREPARSED_FACTS_FILE, preparsedFacts, preparsedFactsJson } from '../../src/scenario/preparsed-facts.js';

const text = readFileSync(BUNDLED_FACTS_FILE, 'utf8');

describe('the bundled facts, parsed at build time', () => {
  it('are the document of seeds/facts.yaml as it is, and nothing for any other text', () => {
    expect(existsSync(PREPARSED_FACTS_FILE), 'run `npm run build` first').toBe(true);
    expect(preparsedFacts(text)).toEqual(parseText(BUNDLED_FACTS_FILE, text));
    expect(preparsedFacts(`${text}\n# edited\n`)).toBeUndefined();
    expect(preparsedFacts(text.replace('value:', 'value: ').slice(0, -1))).toBeUndefined();
  });

  it('give loadFacts the registry that parsing the file gives', () => {
    const loaded = loadFacts();
    const parsed = parseFacts(BUNDLED_FACTS_FILE, text);
    expect([...loaded.keys()]).toEqual([...parsed.keys()]);
    expect(loaded).toEqual(parsed);
    expect(loaded.size).toBeGreaterThan(20);
  });

  it('are not written when JSON would change the document (an infinite figure)', () => {
    expect(preparsedFactsJson('x', [{ value: Infinity }])).toBeUndefined();
    expect(preparsedFactsJson('x', [{ value: -0 }])).toBeUndefined();
    expect(JSON.parse(preparsedFactsJson('x', [{ value: 1.5 }]) as string)).toEqual({ text: 'x', document: [{ value: 1.5 }] });
  });
});
