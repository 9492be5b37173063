// Edits to a scenario document by field path ("busRoutes.tucson-el-paso.busesPerDeparture=2"),
// for compare variants and sweep points. Edits apply to the document before validation, so a bad
// value is reported like any other scenario problem, with its path.

import { parse as parseYamlScalar } from 'yaml';
import { UsageError } from './errors.js';

export interface Override {
  path: string[];
  value: unknown;
}

/** Names that reach an object's prototype rather than a field: an edit through them would change every object of the process. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];

/** "routes." is accepted for "busRoutes.", as analysts say it. */
export function parsePath(text: string): string[] {
  const path = text.trim().split('.').filter((part) => part.length > 0);
  if (path.length === 0) throw new UsageError(`expected a field path such as ports.del-rio.dailyCap, got "${text}"`);
  refusePrototypeKeys(path);
  if (path[0] === 'routes') path[0] = 'busRoutes';
  return path;
}

function refusePrototypeKeys(path: readonly string[]): void {
  const unsafe = path.find((part) => PROTOTYPE_KEYS.includes(part));
  if (unsafe) throw new UsageError(`field path "${path.join('.')}": "${unsafe}" cannot be a field name (${PROTOTYPE_KEYS.join(', ')} are refused)`);
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
    refusePrototypeKeys(path);
    let node: unknown = copy;
    for (let i = 0; i < path.length - 1; i++) {
      // Own fields only: a path through "toString" names no field of the scenario.
      const next = node !== null && typeof node === 'object' && Object.hasOwn(node, path[i]) ? (node as Record<string, unknown>)[path[i]] : undefined;
      if (next === null || typeof next !== 'object') {
        throw new UsageError(`cannot set ${path.join('.')}: the scenario has no ${path.slice(0, i + 1).join('.')}`);
      }
      node = next;
    }
    (node as Record<string, unknown>)[path[path.length - 1]] = value;
  }
  return copy;
}
