// The figures a compare or sweep report charts: the ones an analyst looks at first (as after
// `mppsim run`, less those a lever cannot move: metric-catalogue.ts), the rest being in the tables.
// Picked from whatever (metric, scope) pairs a file has.

import { keyMetricIds } from '../metric-catalogue.js';

export interface MetricKey {
  metric: string;
  scope: string;
}

/** Key (metric, scope) pairs among `rows`, in a fixed order; only pairs with a value somewhere. */
export function keyMetrics(rows: readonly (MetricKey & { mean: number | null })[]): MetricKey[] {
  const has = new Set(rows.filter((r) => r.mean !== null).map((r) => `${r.metric}\u0000${r.scope}`));
  const keys: MetricKey[] = [];
  const add = (metric: string, scope: string) => {
    const key = `${metric}\u0000${scope}`;
    if (has.has(key) && !keys.some((k) => k.metric === metric && k.scope === scope)) keys.push({ metric, scope });
  };
  for (const metric of keyMetricIds('total', true)) add(metric, 'total');
  for (const metric of keyMetricIds('returned', true)) add(metric, 'returned');
  for (const metric of keyMetricIds('stage', true)) for (const r of rows) if (r.metric === metric) add(metric, r.scope);
  return keys;
}

export const metricLabel = (k: MetricKey): string => `${k.metric} · ${k.scope}`;
