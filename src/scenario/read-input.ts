// Reads a file the user named (a scenario, a shard's record), at most a given number of bytes.
// Anything but a regular file is refused before a byte is read: a device (/dev/zero) or a named
// pipe never ends, and reading one would exhaust memory while ignoring Ctrl-C.

import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** The bytes, or why there are none, phrased to follow the file's name ("…: is a named pipe"). */
export type InputRead = { bytes: Buffer } | { problem: string; missing: boolean };

export interface InputLimit {
  maxBytes: number;
  /** What the file should be, for the messages: "a scenario file". */
  expected: string;
}

export function readInputFile(file: string, limit: InputLimit): InputRead {
  let fd: number;
  try {
    // O_NONBLOCK: opening a named pipe with no writer would otherwise wait for one forever.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { problem: unreadable(error), missing: (error as NodeJS.ErrnoException).code === 'ENOENT' };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { problem: `is ${kindOf(stats)}, not a regular file; expected ${limit.expected}`, missing: false };
    if (stats.size > limit.maxBytes) return { problem: tooLarge(stats.size, limit), missing: false };
    // The file may grow after fstat: read one byte past the limit to notice, never more.
    const buffer = Buffer.alloc(Math.min(limit.maxBytes + 1, stats.size + 65_536));
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > limit.maxBytes) return { problem: tooLarge(length, limit), missing: false };
    return { bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { problem: unreadable(error), missing: false };
  } finally {
    closeSync(fd);
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  return 'a device';
}

function tooLarge(bytes: number, limit: InputLimit): string {
  const mb = (n: number): string => (n / 1048576).toFixed(1);
  return `is ${mb(bytes)} MB; expected ${limit.expected} of at most ${Number(mb(limit.maxBytes))} MB`;
}

function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  return `cannot be read (${code ?? 'error'})`;
}
