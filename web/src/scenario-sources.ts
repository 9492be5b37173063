// Where the page's scenario texts come from (the bundled scenarios, built into the page; a picked
// file, picked-file.ts; a link) and how one is loaded: parsed and validated as the command line does.

import factsText from '../../seeds/facts.yaml?raw';
import { ScenarioError } from '../../src/scenario/errors.js';
import { parseFacts, parseText, validateScenarioWith } from '../../src/scenario/parse.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { leversOf, type Lever } from './levers.js';
import type { Source } from './picked-file.js';

export type { Source };

export interface Loaded {
  source: Source;
  published?: Scenario;
  levers: Lever[];
  error?: ScenarioError;
}

export const BUNDLED: ReadonlyMap<string, string> = new Map(
  Object.entries(import.meta.glob<string>('../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }))
    .map(([path, text]): [string, string] => [path.replace(/^.*\/([^/]+)\.yaml$/, '$1'), text])
    .sort(([a], [b]) => a.localeCompare(b)),
);
export const DEFAULT_SCENARIO = BUNDLED.has('baseline-tucson-el-paso') ? 'baseline-tucson-el-paso' : [...BUNDLED.keys()][0];
export const FACTS = parseFacts('seeds/facts.yaml', factsText);

export function bundledSource(name: string): Source | undefined {
  const text = BUNDLED.get(name);
  return text === undefined ? undefined : { key: name, label: `scenarios/${name}.yaml`, text };
}

export function load(source: Source): Loaded {
  try {
    const document = parseText(source.label, source.text);
    const published = validateScenarioWith(document, source.label, FACTS);
    return { source, published, levers: leversOf(document) };
  } catch (error) {
    if (error instanceof ScenarioError) return { source, levers: [], error };
    throw error;
  }
}
