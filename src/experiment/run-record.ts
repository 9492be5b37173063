// What made an output folder, for its manifest.json: mppsim's version, a digest of each variant's
// effective scenario, the settings and the command line. It lets anyone tell two folders apart
// without diffing them, and lets merge tell shards of one experiment from look-alikes.

import { canonicalJson, sha256 } from '../output/manifest.js';
import type { Experiment, Shard } from './design.js';
import type { PrecisionOutcome } from './precision.js';
import { MPPSIM_VERSION } from './version.js';

export { MPPSIM_VERSION };

export function scenarioDigest(scenario: unknown): string {
  return sha256(canonicalJson(scenario));
}

export function runRecord(experiment: Experiment, run: { workers?: number; shard?: Shard; startedAt: Date; commandLine?: readonly string[]; precision?: PrecisionOutcome }): Record<string, unknown> {
  const first = experiment.variants[0]?.scenario;
  return {
    mppsim: MPPSIM_VERSION,
    kind: experiment.kind,
    scenarioSha256: first ? scenarioDigest(first) : null,
    variants: experiment.variants.map((v) => ({ name: v.name, scenarioSha256: scenarioDigest(v.scenario) })),
    seed: first?.seed ?? null,
    replications: experiment.replications,
    engine: experiment.engine,
    events: experiment.events,
    workers: run.workers ?? null,
    shard: run.shard ?? null,
    commandLine: [...(run.commandLine ?? process.argv.slice(2))],
    // Only with --precision: how many replications it took and which figure needed them.
    ...(run.precision ? { precision: run.precision } : {}),
    startedAt: run.startedAt.toISOString(),
  };
}
