// A field of a replication's result kept as numbers (its daily rows, its metrics) and built as
// objects only when something reads it: the packed numbers are what worker threads send and what the
// tables read; `result.daily` or `result.metrics` builds the very objects the model made, once.

import type { ReplicationResult } from './results.js';

export interface PackedField<P> {
  /** Gives `result` the field in packed form, redefined in place (it keeps its position among the keys, for JSON). */
  attach(result: ReplicationResult, packed: P): ReplicationResult;
  /** The packed numbers, if the result has them. */
  of(result: ReplicationResult): P | undefined;
}

export function packedField<K extends 'daily' | 'metrics', P>(key: K, unpack: (packed: P) => ReplicationResult[K]): PackedField<P> {
  const packedOf = new WeakMap<ReplicationResult, P>();
  return {
    attach(result, packed) {
      let built: ReplicationResult[K] | undefined;
      Object.defineProperty(result, key, { get: () => (built ??= unpack(packed)), enumerable: true, configurable: true });
      packedOf.set(result, packed);
      return result;
    },
    of: (result) => packedOf.get(result),
  };
}
