// The values the scenario loader fills in when a file leaves a field out (the schema's defaults): the
// report marks such a value "format default" rather than "not cited", since the file never set it.

import * as z from 'zod';
import { scenarioSchema } from '../../scenario/schema.js';

type JsonNode = { default?: unknown; properties?: Record<string, JsonNode>; additionalProperties?: JsonNode | boolean; anyOf?: JsonNode[]; oneOf?: JsonNode[]; allOf?: JsonNode[] };

let defaults: Map<string, string> | undefined;

/** Path patterns ("ports.*.hours") and their default values, as JSON, read off the schema once. */
function formatDefaults(): Map<string, string> {
  if (defaults) return defaults;
  const found = new Map<string, string>();
  const walk = (node: JsonNode | boolean | undefined, path: string[]): void => {
    if (!node || typeof node !== 'object') return;
    if ('default' in node) found.set(path.join('.'), JSON.stringify(node.default));
    for (const [key, child] of Object.entries(node.properties ?? {})) walk(child, [...path, key]);
    if (typeof node.additionalProperties === 'object') walk(node.additionalProperties, [...path, '*']);
    for (const alternative of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) walk(alternative, path);
  };
  walk(z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as JsonNode, []);
  defaults = found;
  return found;
}

/** Whether `value` at `path` is what the loader fills in when the field is left out. */
export function isFormatDefault(path: string, value: unknown): boolean {
  const parts = path.split('.');
  for (const [pattern, json] of formatDefaults()) {
    const want = pattern.split('.');
    if (want.length === parts.length && want.every((p, i) => p === '*' || p === parts[i]) && JSON.stringify(value) === json) return true;
  }
  return false;
}
