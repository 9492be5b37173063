// Failures of the machine rather than of mppsim (a full disk, a read-only folder, an address this
// host does not have): input errors, exit 2, with what to do. Unknown codes stay internal errors.

type Advice = (where: string) => string;

const ADVICE: Readonly<Record<string, Advice>> = {
  ENOSPC: (where) => `no space left on the device${where}; free some space or write elsewhere with --out`,
  EDQUOT: (where) => `disk quota exceeded${where}; free some space or write elsewhere with --out`,
  EROFS: (where) => `read-only file system${where}; write elsewhere with --out`,
  EACCES: (where) => `permission denied${where}; choose a folder you may write (--out) or read, or change its permissions`,
  EPERM: (where) => `operation not permitted${where}; choose a folder you may write (--out) or change its permissions`,
  ENAMETOOLONG: (where) => `a file name is too long${where}; choose a shorter --out (each folder name at most 255 bytes)`,
  ENOTDIR: (where) => `part of the path is a file, not a folder${where}; choose another --out`,
  EMFILE: (where) => `too many open files${where}; raise the limit (ulimit -n) or pass fewer --workers`,
  ENFILE: (where) => `too many open files on this machine${where}; close some programs or pass fewer --workers`,
  EADDRNOTAVAIL: (where) => `the address is not one of this machine's${where}; use --host 127.0.0.1, 0.0.0.0 or one of its own addresses`,
  EADDRINUSE: (where) => `the address is already in use${where}; choose another --port (or --port 0 for any free one)`,
};

/** What the user can do about a system error, or undefined when it is not the environment's. */
export function environmentProblem(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, path, address } = error as NodeJS.ErrnoException & { address?: string };
  const advice = typeof code === 'string' && Object.hasOwn(ADVICE, code) ? ADVICE[code] : undefined;
  if (!advice) return undefined;
  const where = path ? ` (${path})` : address ? ` (${address})` : '';
  return `mppsim: ${advice(where)} [${code}]`;
}
