// One fitted input may be several fields that move together: a border-wide fraction written in every
// sector's monthly roll-out. A --fit path segment `*` matches every key at its place and `a|b` the keys
// listed; such a pattern stands for the paths of the document it matches, all set to one value.

import { UsageError } from './errors.js';

const isPattern = (segment: string): boolean => segment === '*' || segment.includes('|');

/** The concrete paths `path` names in `document`: itself when it has no pattern segment, else every existing match. Throws UsageError when a pattern matches nothing. */
export function expandFitPath(document: unknown, path: readonly string[], name: string): string[][] {
  if (!path.some(isPattern)) return [[...path]];
  const found: string[][] = [];
  const walk = (node: unknown, at: number, prefix: string[]): void => {
    if (at === path.length) {
      if (typeof node === 'number') found.push(prefix);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const segment = path[at];
    const keys = segment === '*' ? Object.keys(node) : segment.split('|');
    for (const key of keys) if (Object.hasOwn(node, key)) walk((node as Record<string, unknown>)[key], at + 1, [...prefix, key]);
  };
  walk(document, 0, []);
  if (found.length === 0) throw new UsageError(`--fit ${name}: the pattern matches no number in the scenario (* matches any key, a|b the keys listed)`);
  return found;
}
