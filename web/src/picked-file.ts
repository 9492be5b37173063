// A scenario file picked in the page, read with the command line's checks on its bytes (size, then
// UTF-8), so the page refuses the same files with the same words as `mppsim run`.

import { ScenarioError } from '../../src/scenario/errors.js';
import { checkScenarioSize, decodeScenarioBytes } from '../../src/scenario/scenario-bytes.js';

/** A scenario text and the label its errors carry (the file name, as the CLI prints it). */
export interface Source {
  key: string;
  label: string;
  text: string;
}

/** A picked file as a source, or the ScenarioError the command line would give for its bytes. */
export async function fileSourceOf(file: File): Promise<Source | ScenarioError> {
  const label = file.name;
  try {
    checkScenarioSize(label, file.size);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (error) {
      return new ScenarioError(label, [{ path: '', message: `cannot be read (${(error as Error).name})` }]);
    }
    return { key: `file:${label}`, label, text: decodeScenarioBytes(label, bytes) };
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
}
