// mppsim's version, on its own so that `mppsim --version` loads nothing else.

import { readFileSync } from 'node:fs';

/** package.json's version, read when the module loads so `mppsim --version` and the manifest never drift from it. */
export const MPPSIM_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
