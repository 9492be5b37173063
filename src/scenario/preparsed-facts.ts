// The bundled facts file as the build parsed it (dist/facts.json, written by scripts/bundle-cli.ts):
// its text and its document. Used only while seeds/facts.yaml still holds that very text, so the
// document is the one parsing it now would give; any edit, or no build, means parsing it again.

import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';

export const PREPARSED_FACTS_FILE = fileURLToPath(new URL('../../dist/facts.json', import.meta.url));

interface Preparsed {
  text: string;
  document: unknown;
}

/** The facts document parsed at build time from exactly `text`, or undefined. */
export function preparsedFacts(text: string): unknown {
  let saved: Partial<Preparsed>;
  try {
    saved = JSON.parse(readFileSync(PREPARSED_FACTS_FILE, 'utf8')) as Partial<Preparsed>;
  } catch {
    return undefined;
  }
  return saved.text === text ? saved.document : undefined;
}

/** What the build writes to PREPARSED_FACTS_FILE, or undefined when JSON cannot hold the document as it is (.inf, -0). */
export function preparsedFactsJson(text: string, document: unknown): string | undefined {
  const json = JSON.stringify({ text, document } satisfies Preparsed);
  return isDeepStrictEqual((JSON.parse(json) as Preparsed).document, document) ? json : undefined;
}
