// events.csv of an experiment: each replication writes its people to a part file of its own (on
// whichever thread ran it), joined here in unit order once all are done.

import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { EVENTS_HEADER, toCsv } from '../output/index.js';
import type { Unit } from './design.js';

/** Header, then every part in unit order, streamed: the file can be larger than memory. */
export async function joinEvents(file: string, parts: readonly string[], extra: readonly string[]): Promise<void> {
  const out = createWriteStream(file);
  out.write(toCsv([...extra, ...EVENTS_HEADER], []));
  for (const part of parts) {
    for await (const chunk of createReadStream(part)) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
}

export function eventsPartName(unit: Unit): string {
  return `events-part-${unit.variant}-${unit.replication}.csv`;
}
