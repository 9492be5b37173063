// summary.csv's rows (output/summary-rows.ts) and replications.csv: one row per (metric, scope) in the
// order the model reports them, values in replication order. Replications whose metrics line up
// are read by position; any other list by key: both must give the same rows. Results from worker
// threads carry their metrics packed (model/metrics-table.ts): read packed, the same rows and bytes.

import { describe, expect, it } from 'vitest';
import type { Metric, ReplicationResult } from '../../src/model/index.js';
import { estimate } from '../../src/stats/index.js';
import { labelledReplicationsCsv, labelledReplicationsCsvBytes, replicationsCsv, replicationsCsvBytes, summarize } from '../../src/output/index.js';
import { packMetrics, packedMetricsOf, withPackedMetrics, type MetricKeys, type PackedMetrics } from '../../src/model/metrics-table.js';

const result = (replication: number, metrics: Metric[]): ReplicationResult => ({ replication, daily: [], metrics, events: 0 });
const m = (metric: string, scope: string, value: number): Metric => ({ metric, scope, value });

describe('summarize', () => {
  it('gives each (metric, scope) its values in replication order, aligned lists or not', () => {
    const aligned = [0, 1, 2].map((r) => result(r, [m('returned', 'total', 10 + r), m('returned', 'del-rio', r * r), m('wait', 'total', 0.5 * r)]));
    expect(summarize(aligned)).toEqual([
      { metric: 'returned', scope: 'total', ...estimate([10, 11, 12]) },
      { metric: 'returned', scope: 'del-rio', ...estimate([0, 1, 4]) },
      { metric: 'wait', scope: 'total', ...estimate([0, 0.5, 1]) },
    ]);
    // A replication with its metrics in another order, or one more: matched by key, in first-seen order.
    const shuffled = [aligned[0], result(1, [...aligned[1].metrics].reverse()), aligned[2]];
    expect(summarize(shuffled)).toEqual(summarize(aligned));
    const longer = [...aligned, result(3, [m('returned', 'total', 13), m('returned', 'del-rio', 9), m('wait', 'total', 1.5), m('new', 'total', 1)])];
    expect(summarize(longer).map((row) => [row.metric, row.n])).toEqual([['returned', 4], ['returned', 4], ['wait', 4], ['new', 1]]);
  });

  it('pools a (metric, scope) reported twice in one replication, as by key', () => {
    const twice = [0, 1].map((r) => result(r, [m('x', 'total', r), m('x', 'total', 10 + r)]));
    expect(summarize(twice)).toEqual([{ metric: 'x', scope: 'total', ...estimate([0, 10, 1, 11]) }]);
  });

  it('is empty for no replications or no metrics', () => {
    expect(summarize([])).toEqual([]);
    expect(summarize([result(0, [])])).toEqual([]);
  });
});

describe('replications.csv', () => {
  const results = [0, 1].map((r) => result(r, [m('returned', 'total', 10 + r), m('mean wait, hours', '=del-rio', 0.1 + r)]));

  it('has a row per replication and metric, text and bytes alike, labels leading', () => {
    const text = 'replication,metric,scope,value\n0,returned,total,10\n0,"mean wait, hours",\'=del-rio,0.1\n1,returned,total,11\n1,"mean wait, hours",\'=del-rio,1.1\n';
    expect(replicationsCsv(results)).toBe(text);
    expect(Buffer.concat(replicationsCsvBytes(results)).toString('utf8')).toBe(text);
    const groups = [{ labels: ['a', 1], results }, { labels: ['b', 2], results: results.slice(1) }];
    const labelled = labelledReplicationsCsv(['variant', 'point'], groups);
    expect(labelled.split('\n').slice(0, 2)).toEqual(['variant,point,replication,metric,scope,value', 'a,1,0,returned,total,10']);
    expect(labelled.split('\n')[5]).toBe('b,2,1,returned,total,11');
    expect(Buffer.concat(labelledReplicationsCsvBytes(['variant', 'point'], groups)).toString('utf8')).toBe(labelled);
  });
});

describe('packed metrics', () => {
  const plain = [0, 1, 2].map((r) => result(r, [m('returned', 'total', 10 + r), m('wait', '=del-rio', 0.5 * r), m('x', 'total', -0)]));
  /** As execute takes in a batch: the keys shared when the same, the list built only when read. */
  const packedBatch = (): PackedMetrics[] => {
    let keys: MetricKeys | undefined;
    return plain.map((r) => {
      const p = packMetrics(r.metrics, keys);
      keys = p.keys;
      return p;
    });
  };
  const received = (): ReplicationResult[] => structuredClone(packedBatch()).map((p, i) => withPackedMetrics({ replication: i, daily: [], metrics: [], events: 0 }, p));

  it('share one list of keys across a batch, and give back the very metrics, in place among the keys', () => {
    const packed = packedBatch();
    expect(packed[1].keys).toBe(packed[0].keys);
    // One message to the main thread: its clone keeps the keys shared.
    const cloned = structuredClone(packed);
    expect(cloned[2].keys).toBe(cloned[0].keys);
    expect(packMetrics([m('other', 'total', 1)], packed[0].keys).keys).not.toBe(packed[0].keys);
    const back = received();
    expect(back.every((r) => packedMetricsOf(r) !== undefined)).toBe(true);
    expect(JSON.stringify(back)).toBe(JSON.stringify(plain));
    expect(Object.is(back[0].metrics[2].value, -0)).toBe(true);
  });

  it('give the same summary and replications.csv read packed as read from the objects, mixed or not', () => {
    expect(summarize(received())).toEqual(summarize(plain));
    expect(replicationsCsv(received())).toBe(replicationsCsv(plain));
    const mixed = [plain[0], ...received().slice(1)];
    expect(summarize(mixed)).toEqual(summarize(plain));
    // A packed replication whose keys differ: summarised by key, as plain ones would be.
    const odd = [...received(), withPackedMetrics(result(3, []), packMetrics([m('wait', '=del-rio', 9), m('returned', 'total', 1)]))];
    expect(summarize(odd)).toEqual(summarize([...plain, result(3, [m('wait', '=del-rio', 9), m('returned', 'total', 1)])]));
  });
});
