// The text of simjs's browserify bundle, read from node_modules. The browser build of the what-if
// page replaces this one module (see web/vite.config.ts) with a bundler import of the same text.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export function simjsSource(): string {
  return readFileSync(createRequire(import.meta.url).resolve('simjs/sim.js'), 'utf8');
}
