// A replication's whole-run metrics as a worker thread sends them: the (metric, scope) keys, shared
// by every replication of a batch that reports the same ones, and a Float64Array of values each. As
// objects, a baseline replication's 215 metrics came to the main thread as 215 objects and 430
// strings, kept until the end and copied by its garbage collector: a sweep of 2,000 baseline
// replications peaked at 321 MB, now 247 MB. Whoever reads `result.metrics` gets the very list back,
// built once; summary.csv and replications.csv read the numbers.

import { packedField } from './packed-field.js';
import type { Metric } from './results.js';

export interface MetricKeys {
  metric: readonly string[];
  scope: readonly string[];
}

export interface PackedMetrics {
  keys: MetricKeys;
  values: Float64Array;
}

/** `metrics` as keys and values; the keys are `previous` itself when they are the same. */
export function packMetrics(metrics: readonly Metric[], previous?: MetricKeys): PackedMetrics {
  const values = Float64Array.from(metrics, (m) => m.value);
  const same = previous !== undefined && previous.metric.length === metrics.length && metrics.every((m, i) => m.metric === previous.metric[i] && m.scope === previous.scope[i]);
  const keys = same ? previous : { metric: metrics.map((m) => m.metric), scope: metrics.map((m) => m.scope) };
  return { keys, values };
}

export function unpackMetrics(packed: PackedMetrics): Metric[] {
  const { keys, values } = packed;
  return Array.from(values, (value, i) => ({ metric: keys.metric[i], scope: keys.scope[i], value }));
}

/** Whether two lists of keys are the same, in the same order. */
export function sameKeys(a: MetricKeys, b: MetricKeys): boolean {
  if (a === b) return true;
  if (a.metric.length !== b.metric.length) return false;
  for (let i = 0; i < a.metric.length; i++) if (a.metric[i] !== b.metric[i] || a.scope[i] !== b.scope[i]) return false;
  return true;
}

const metricsField = packedField('metrics', unpackMetrics);

/** Gives `result` its metrics in packed form: `result.metrics` builds the list when first read. */
export const withPackedMetrics = metricsField.attach;
/** The packed metrics, read without building anything. */
export const packedMetricsOf = metricsField.of;
