// One replication of the border-return model (docs/MODEL.md): build the network on a fresh context,
// run its days, check the invariants, hand back plain results (the daily rows kept as numbers, built
// as objects when read). Never touches files, the clock or Math.random.

import { createCalendar, type EngineName } from '../engine/index.js';
import type { Scenario } from '../scenario/schema.js';
import { ModelContext, HOURS_PER_DAY } from './context.js';
import { DayClock } from './day-clock.js';
import { withPackedDaily } from './daily-table.js';
import { checkConservation } from './invariants.js';
import { collectMetrics } from './metrics.js';
import { buildNetwork } from './network.js';
import { figuresOf } from './network-figures.js';
import type { PersonSink, ReplicationResult } from './results.js';

export interface SimulateOptions {
  replication?: number;
  engine?: EngineName;
  /** Receives one record per person as they leave (streamed; nothing is kept). */
  onPerson?: PersonSink;
}

/**
 * One replication of a scenario: the daily rows of every stage and the whole-run metrics. Deterministic in
 * (scenario, replication, engine); `onPerson` streams each person's record as they leave. Throws
 * InvariantError on a violated invariant (a bug, never an input problem).
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): ReplicationResult {
  const replication = options.replication ?? 0;
  const calendar = createCalendar(options.engine ?? 'heap');
  const ctx = new ModelContext(calendar, scenario.start, scenario.seed, replication, scenario.warmupDays);
  const network = buildNetwork(ctx, scenario, options.onPerson);
  const clock = new DayClock(ctx, network);
  clock.run();
  const end = scenario.days * HOURS_PER_DAY;
  const { exits, holdings } = network;
  exits.flushPeopleInCustody();
  const inCustody = exits.inCustodyByOrigin();
  const inMexico = exits.inMexicoByOrigin();
  const held = holdings.reduce((sum, h) => sum + h.occupied + h.reserved, 0) + network.courts.reduce((sum, c) => sum + c.attending, 0);
  checkConservation(network.sectorIds, exits.ledger, inCustody, inMexico, held);
  // `daily` reads the packed rows: built as objects only for a caller that asks for them.
  const result = { replication, daily: [], metrics: collectMetrics(figuresOf(network, end, inCustody, inMexico)), events: calendar.delivered };
  return withPackedDaily(result, clock.daily.packed);
}
