// Turns what the user asked for (files, variants, sweep settings) into an Experiment: every
// variant validated up front, with the same seed, replications and warm-up.

import { basename } from 'node:path';
import type { EngineName } from '../engine/index.js';
import { loadDocument, scenarioSchema, validateScenario, type Scenario } from '../scenario/index.js';
import { harmonise, type Experiment, type Variant } from './design.js';
import { UsageError } from './errors.js';
import { MAX_VARIANTS } from './limits.js';
import { applyOverrides, parseAssignment, type Override } from './overrides.js';
import { unpairedScenarios, type Labelled } from './pairing.js';
import { gridPoints, latinHypercube, parseSweepParameter } from './sweep-design.js';

export interface CommonSettings {
  replications?: number;
  seed?: number;
  warmupDays?: number;
  engine?: EngineName;
  events?: boolean;
}

function settingsFrom(base: Scenario, s: CommonSettings): { seed: number; replications: number; warmupDays?: number } {
  return { seed: s.seed ?? base.seed, replications: s.replications ?? base.replications, warmupDays: s.warmupDays };
}

/** A run: one scenario, its replications (settings override the scenario's seed, replications and warm-up). */
export function runPlan(scenario: Scenario, s: CommonSettings = {}): Experiment {
  const settings = settingsFrom(scenario, s);
  return {
    kind: 'run',
    variants: [{ name: scenario.name, scenario: harmonise(scenario, settings) }],
    replications: settings.replications,
    engine: s.engine ?? 'heap',
    events: s.events ?? false,
    parameters: [],
  };
}

/** "name:path=value;path=value" */
export function parseVariant(text: string): { name: string; overrides: Override[] } {
  const colon = text.indexOf(':');
  if (colon <= 0) throw new UsageError(`--variant: expected name:path=value[;path=value], got "${text}"`);
  const name = text.slice(0, colon).trim();
  // A variant name is a scenario name: it lands in the CSV variant column and the report, as ids do.
  if (!scenarioSchema.shape.name.safeParse(name).success) throw new UsageError(`--variant ${JSON.stringify(name)}: expected a kebab-case name such as "two-buses", as scenario names are`);
  const overrides = text.slice(colon + 1).split(';').filter((a) => a.trim()).map(parseAssignment);
  if (overrides.length === 0) throw new UsageError(`--variant ${name}: expected at least one path=value`);
  return { name, overrides };
}

export interface CompareSettings extends CommonSettings {
  /** Compare scenarios whose calendars or places differ, paired by replication number only. */
  allowUnpaired?: boolean;
  /** Told what differs when allowUnpaired let such scenarios through. */
  onUnpaired?: (differences: string[]) => void;
}

/**
 * A comparison: each file, then each `name:path=value[;…]` variant of the first file, under one seed so
 * replication r of every variant sees the same people; refuses scenarios it cannot pair (see pairing.ts).
 */
export function comparePlan(files: readonly string[], variantSpecs: readonly string[], s: CompareSettings = {}): Experiment {
  if (files.length === 0) throw new UsageError('compare: name at least one scenario file');
  if (files.length + variantSpecs.length < 2) throw new UsageError('compare: name two scenario files, or one with at least one --variant');
  if (files.length + variantSpecs.length > MAX_VARIANTS) throw new UsageError(`compare: ${files.length + variantSpecs.length} scenarios and variants; at most ${MAX_VARIANTS.toLocaleString('en-US')} (each is validated and kept in memory)`);
  const documents = files.map((file) => ({ file, document: loadDocument(file) }));
  const scenarios = documents.map(({ file, document }) => validateScenario(document, file));
  const settings = settingsFrom(scenarios[0], s);
  const variants: Variant[] = scenarios.map((scenario, i) => ({ name: scenario.name || basename(files[i]), scenario }));
  const labels = [...files];
  for (const spec of variantSpecs) {
    const { name, overrides } = parseVariant(spec);
    const document = applyOverrides(documents[0].document, overrides);
    variants.push({ name, scenario: validateScenario(document, `${files[0]} (variant ${name})`) });
    labels.push(`variant ${name}`);
  }
  const seen = new Map<string, number>();
  for (const v of variants) {
    const n = (seen.get(v.name) ?? 0) + 1;
    seen.set(v.name, n);
    if (n > 1) v.name = `${v.name}-${n}`;
  }
  const harmonised = variants.map((v) => ({ ...v, scenario: harmonise(v.scenario, settings) }));
  checkPairing(harmonised.map((v, i) => ({ label: labels[i], scenario: v.scenario })), s);
  return {
    kind: 'compare',
    variants: harmonised,
    replications: settings.replications,
    engine: s.engine ?? 'heap',
    events: s.events ?? false,
    parameters: [],
  };
}

/** Under the first scenario's seed, replication r of each is the same people only if calendars and places agree. */
function checkPairing(scenarios: readonly Labelled[], s: CompareSettings): void {
  const all = unpairedScenarios(scenarios);
  if (all.length === 0) return;
  // Ten lines say what differs; a thousand variants that all move the calendar need not all be listed.
  const unpaired = all.length > 10 ? [...all.slice(0, 10), `and ${all.length - 10} more`] : all;
  if (!s.allowUnpaired) {
    throw new UsageError(`compare: these scenarios cannot be paired under common random numbers:\n  ${unpaired.join('\n  ')}\ncompare scenarios with the same start, days, warmupDays, sectors, busRoutes and ports, or pass --allow-unpaired to pair them by replication number only`);
  }
  s.onUnpaired?.(unpaired);
}

export interface SweepSettings extends CommonSettings {
  sets: readonly string[];
  design?: 'grid' | 'lhs';
  points?: number;
}

/** A sweep: the grid (or Latin hypercube) of `--set` values over one file, each point a variant under one seed. */
export function sweepPlan(file: string, s: SweepSettings): Experiment {
  if (s.sets.length === 0) throw new UsageError('sweep: give at least one --set path=values');
  const document = loadDocument(file);
  const base = validateScenario(document, file);
  const settings = settingsFrom(base, s);
  const parameters = s.sets.map(parseSweepParameter);
  const names = parameters.map((p) => p.name);
  if (new Set(names).size !== names.length) throw new UsageError('sweep: each parameter may be set only once');
  const design = s.design ?? 'grid';
  if (design === 'lhs' && s.points === undefined) throw new UsageError('--design lhs needs --points K');
  const points = design === 'lhs' ? latinHypercube(parameters, s.points as number, settings.seed) : gridPoints(parameters);
  const variants = points.map((values, i): Variant => {
    const overrides = parameters.map((p, k) => ({ path: p.path, value: values[k] }));
    const label = parameters.map((p, k) => `${p.name}=${String(values[k])}`).join(', ');
    const scenario = validateScenario(applyOverrides(document, overrides), `${file} (point ${i}: ${label})`);
    return { name: `point-${i}`, scenario: harmonise(scenario, settings), params: Object.fromEntries(parameters.map((p, k) => [p.name, values[k]])) };
  });
  return { kind: 'sweep', variants, replications: settings.replications, engine: s.engine ?? 'heap', events: s.events ?? false, parameters: names };
}
