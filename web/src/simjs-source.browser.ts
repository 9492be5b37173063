// The browser's src/engine/simjs-source.ts (swapped in by web/build-guard.ts): simjs's bundle text,
// inlined by the bundler instead of read from node_modules, for src/engine/simjs-adapter.ts.

import source from 'simjs/sim.js?raw';

export function simjsSource(): string {
  return source;
}
