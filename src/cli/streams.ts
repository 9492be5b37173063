// What commands print to, and the exit codes: a plain module main.ts loads at once. How failures
// become exit codes (guard) is io.ts's, which loads every error class and so only with a command.

import { printable } from '../output/printable.js';

export const EXIT_OK = 0;
export const EXIT_BUG = 1;
export const EXIT_INPUT = 2;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

// Everything printed may quote a scenario (a title, an unknown key): never let it drive the terminal.
export const processIo: Io = {
  out: (text) => process.stdout.write(`${printable(text)}\n`),
  err: (text) => process.stderr.write(`${printable(text)}\n`),
};
