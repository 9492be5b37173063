// writeSync may write fewer bytes than asked (a full disk, a pipe): the one loop that goes on until
// all are out, for every file written from bytes (csv-stream.ts, output-dir.ts).

import { writeSync } from 'node:fs';

export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}
