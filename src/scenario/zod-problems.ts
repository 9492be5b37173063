// Turns zod issues into our problems: "expected a number >= 0, got "fifty"".

import type * as z from 'zod';
import { describeValue, joinPath, type InputProblem } from './errors.js';

export function zodProblems(issues: readonly z.core.$ZodIssue[], document: unknown): InputProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: joinPath([...issue.path, key]),
        message: 'unknown field (check its spelling and where it is nested)',
      }));
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Report the alternative that got furthest: the one with the fewest issues.
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
      const nested = zodProblems(
        best.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })),
        document,
      );
      if (nested.length > 0 && issue.path.length > 0) return nested;
    }
    if (issue.code === 'custom') return [{ path: joinPath(issue.path), message: issue.message }];
    // A whole number past 2^53 breaks zod's implicit safe-integer bound as well as the field's own: say the field's.
    if (isSafeIntegerBound(issue) && issues.some((other) => other !== issue && other.code === 'too_big' && joinPath(other.path) === joinPath(issue.path))) return [];
    if (issue.code === 'invalid_key') {
      // A record's key that fails its pattern (a month "2019-6"): say what the key should look like.
      const inner = issue.issues[0];
      const key = String(issue.path.at(-1) ?? '');
      const wanted = inner && inner.message.startsWith('expected') ? inner.message : 'expected a valid key';
      return [{ path: joinPath(issue.path), message: `${wanted} as the key, got "${key}"` }];
    }
    const value = valueAt(document, issue.path);
    return [{ path: joinPath(issue.path), message: `${expectation(issue, value)}, got ${describeValue(value)}` }];
  });
}

function expectation(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `missing: expected ${article(issue.expected)}`;
      return `expected ${article(issue.expected)}`;
    case 'too_small':
      if (issue.origin === 'number') return `expected a number ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}`;
      if (issue.origin === 'array') return `expected at least ${String(issue.minimum)} entries`;
      return `expected at least ${String(issue.minimum)} (${issue.origin})`;
    case 'too_big':
      if (issue.origin === 'number') return `expected a number ${issue.inclusive ? '<=' : '<'} ${String(issue.maximum)}`;
      if (issue.origin === 'array') return `expected at most ${String(issue.maximum)} entries`;
      if (isSafeIntegerBound(issue)) return 'expected a whole number small enough to be exact (at most 2^53 - 1)';
      return `expected at most ${String(issue.maximum)} (${issue.origin})`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      if (issue.message.startsWith('expected')) return issue.message;
      return issue.format === 'date' ? 'expected an ISO date YYYY-MM-DD (e.g. 2019-11-22)' : `expected ${issue.format} format`;
    case 'not_multiple_of':
      return `expected a multiple of ${String(issue.divisor)}`;
    case 'invalid_union':
      return 'expected one of the allowed forms (see `mppsim schema`)';
    default:
      return issue.message.startsWith('expected') ? issue.message : `expected ${issue.message}`;
  }
}

function isSafeIntegerBound(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'too_big' && issue.origin === 'int' && issue.maximum === Number.MAX_SAFE_INTEGER;
}

function article(type: string): string {
  if (type === 'int') return 'a whole number';
  if (type === 'number') return 'a number';
  if (type === 'object') return 'a mapping (key: value)';
  if (type === 'array') return 'a list';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = document;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
