// The checks a scenario file's bytes pass before parsing: its size, then UTF-8. Pure (no file
// system), so the command line (load.ts, reading a path) and the what-if page (a picked file) refuse
// the same files with the same words.

import { ScenarioError } from './errors.js';

/** Scenario files are a few kilobytes; anything this large is a mistake (or an attack), refused before parsing. */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

/** Throws the ScenarioError for a file of `size` bytes when it is over the limit; `file` labels it. */
export function checkScenarioSize(file: string, size: number): void {
  if (size > MAX_SCENARIO_BYTES) {
    throw new ScenarioError(file, [{ path: '', message: `is ${(size / 1048576).toFixed(1)} MB; expected a scenario file of at most ${MAX_SCENARIO_BYTES / 1048576} MB` }]);
  }
}

/** The file's text, or a ScenarioError when its bytes are not UTF-8. */
export function decodeScenarioBytes(file: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ScenarioError(file, [{ path: '', message: 'expected UTF-8 text, found bytes that are not' }]);
  }
}
