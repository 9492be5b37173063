// Replication results by (scenario, engine, replication): moving a lever back, or toggling the
// comparison, reruns nothing. Bounded by the daily rows it holds, oldest used first out.

import type { EngineName } from '../../src/engine/calendar.js';
import type { ReplicationResult } from '../../src/model/results.js';
import type { Scenario } from '../../src/scenario/schema.js';

/** A border-wide year has 7,300 daily rows a replication; the baseline 235. */
const CACHE_ROWS = 300_000;

const cache = new Map<string, ReplicationResult>();
let cachedRows = 0;

export function cacheKey(scenario: Scenario, engine: EngineName, replication: number): string {
  const text = JSON.stringify(scenario);
  return `${engine}/${replication}/${text.length}/${hash53(text)}`;
}

/** cyrb53: a 53-bit string hash, so that keys stay short for large scenarios. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export function recall(key: string): ReplicationResult | undefined {
  return cache.get(key);
}

export function remember(key: string, result: ReplicationResult): void {
  const old = cache.get(key);
  if (old) cachedRows -= old.daily.length;
  cache.delete(key);
  cache.set(key, result);
  cachedRows += result.daily.length;
  while (cachedRows > CACHE_ROWS && cache.size > 1) {
    const [oldest, evicted] = cache.entries().next().value as [string, ReplicationResult];
    cache.delete(oldest);
    cachedRows -= evicted.daily.length;
  }
}
