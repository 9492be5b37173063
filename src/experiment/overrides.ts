// Edits to a scenario document by field path ("busRoutes.tucson-el-paso.busesPerDeparture=2"),
// for compare variants and sweep points. Edits apply to the document before validation, so a bad
// value is reported like any other scenario problem, with its path.

import { parse as parseYamlScalar } from 'yaml';
import { UsageError } from './errors.js';

export interface Override {
  path: string[];
  value: unknown;
}

/** "routes." is accepted for "busRoutes.", as analysts say it. */
export function parsePath(text: string): string[] {
  const path = text.trim().split('.').filter((part) => part.length > 0);
  if (path.length === 0) throw new UsageError(`expected a field path such as ports.del-rio.dailyCap, got "${text}"`);
  if (path[0] === 'routes') path[0] = 'busRoutes';
  return path;
}

/** A value as YAML reads it: 2 is a number, true a boolean, [a, b] a list, anything else a string. */
export function parseValue(text: string): unknown {
  try {
    return parseYamlScalar(text, { schema: 'core' });
  } catch {
    return text;
  }
}

/** "path=value" */
export function parseAssignment(text: string): Override {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`expected path=value, got "${text}"`);
  return { path: parsePath(text.slice(0, eq)), value: parseValue(text.slice(eq + 1)) };
}

/** A deep copy of the document with the overrides applied; every path must already exist but for its last key. */
export function applyOverrides(document: unknown, overrides: readonly Override[]): unknown {
  const copy = structuredClone(document) as Record<string, unknown>;
  for (const { path, value } of overrides) {
    let node: unknown = copy;
    for (let i = 0; i < path.length - 1; i++) {
      const next = (node as Record<string, unknown> | null)?.[path[i]];
      if (next === null || typeof next !== 'object') {
        throw new UsageError(`cannot set ${path.join('.')}: the scenario has no ${path.slice(0, i + 1).join('.')}`);
      }
      node = next;
    }
    (node as Record<string, unknown>)[path[path.length - 1]] = value;
  }
  return copy;
}
