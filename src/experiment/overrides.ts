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

/**
 * "officers.0.count" or "officers[0].count", the form messages print; "routes." is accepted for
 * "busRoutes.", as analysts say it.
 */
export function parsePath(text: string): string[] {
  const path = text.trim().split('.').filter((part) => part.length > 0).flatMap((part) => splitIndices(part, text));
  if (path.length === 0) throw new UsageError(`expected a field path such as ports.del-rio.dailyCap, got "${text}"`);
  refusePrototypeKeys(path);
  if (path[0] === 'routes') path[0] = 'busRoutes';
  return path;
}

/** "officers[0][1]" -> officers, 0, 1 */
function splitIndices(part: string, text: string): string[] {
  const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
  if (!match || (match[1] === '' && match[2] === '')) throw new UsageError(`field path "${text}": expected names joined by "." with list positions as [0] or .0, got "${part}"`);
  const indices = [...match[2].matchAll(/\[(\d+)\]/g)].map((m) => String(Number(m[1])));
  return match[1] === '' ? indices : [match[1], ...indices];
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
    let shown = '';
    for (let i = 0; i < path.length - 1; i++) {
      const parent = node;
      shown = Array.isArray(parent) ? `${shown}[${path[i]}]` : shown ? `${shown}.${path[i]}` : path[i];
      // Own fields only: a path through "toString" names no field of the scenario.
      const next = parent !== null && typeof parent === 'object' && Object.hasOwn(parent, path[i]) ? (parent as Record<string, unknown>)[path[i]] : undefined;
      if (next === null || typeof next !== 'object') {
        throw new UsageError(`cannot set ${showPath(path)}: the scenario has no ${shown}${choicesAt(parent)}`);
      }
      node = next;
    }
    (node as Record<string, unknown>)[path[path.length - 1]] = value;
  }
  return copy;
}

/** As scenario messages print paths: officers[0].count. */
function showPath(path: readonly string[]): string {
  return path.join('.').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

const MAX_CHOICES = 30;

/** What the path could have named at the level where it went wrong, as reference errors list ids. */
function choicesAt(parent: unknown): string {
  if (Array.isArray(parent)) return parent.length ? `; expected a position from 0 to ${parent.length - 1}` : '; the list is empty';
  if (parent === null || typeof parent !== 'object') return '';
  const keys = Object.keys(parent).filter((key) => {
    const field = (parent as Record<string, unknown>)[key];
    return field !== null && typeof field === 'object';
  });
  if (keys.length === 0) return '';
  const more = keys.length > MAX_CHOICES ? `, and ${keys.length - MAX_CHOICES} more` : '';
  return `; expected one of: ${keys.slice(0, MAX_CHOICES).join(', ')}${more}`;
}
