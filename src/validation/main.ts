// `npm run validate`: runs the calibration and baseline scenarios and writes docs/VALIDATION.md.
// With --check, writes nothing and exits 1 if the file on disk differs from what it would write.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCENARIOS } from './comparisons.js';
import { validationDocument } from './document.js';
import { runValidation } from './run.js';

/** src/validation/ or dist/validation/: the package root is two folders up either way. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DOCUMENT = 'docs/VALIDATION.md';
export const DEFAULT_REPLICATIONS = 10;

const USAGE = `usage: npm run validate [-- --reps N] [-- --check]
  --reps N   replications per scenario (default ${DEFAULT_REPLICATIONS}; the committed document uses the default)
  --check    write nothing; exit 1 if ${DOCUMENT} is not what this run would write`;

export function main(args: readonly string[]): number {
  let replications = DEFAULT_REPLICATIONS;
  let check = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--check') check = true;
    else if (arg === '--reps' && /^[1-9]\d*$/.test(args[i + 1] ?? '')) replications = Number(args[++i]);
    else {
      process.stderr.write(`${arg === '--help' || arg === '-h' ? '' : `unknown or incomplete option: ${arg}\n`}${USAGE}\n`);
      return arg === '--help' || arg === '-h' ? 0 : 2;
    }
  }
  const results = runValidation(SCENARIOS, {
    root: PACKAGE_ROOT,
    replications,
    onReplication: (name, done, total) => {
      if (done === total) process.stderr.write(`${name}: ${total} replications\n`);
    },
  });
  const text = validationDocument(results);
  const target = join(PACKAGE_ROOT, DOCUMENT);
  if (check) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // a missing file is out of date
    }
    if (current === text) {
      process.stderr.write(`${DOCUMENT} is up to date\n`);
      return 0;
    }
    process.stderr.write(`${DOCUMENT} is out of date: run npm run validate\n`);
    return 1;
  }
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.tmp-${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, target);
  process.stderr.write(`wrote ${DOCUMENT}\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
