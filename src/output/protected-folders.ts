// Folders no output may take, whatever --force says: the current folder and its ancestors, the
// home folder, and the repository's own folders (its sources, data and scenarios).

import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { resolve, sep } from 'node:path';

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));
// Nothing inside these is an output; output/ itself holds outputs, so only the folder is kept.
const REPOSITORY_FOLDERS = ['src', 'dist', 'bin', 'seeds', 'scenarios', 'test', 'docs', 'web', 'examples', 'bench', 'node_modules', '.git', '.ci'];

function isAncestorOrSelf(folder: string, of: string): boolean {
  return of === folder || of.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** The resolved target, or the error `refuse` makes when it may not be an output folder. */
export function refuseProtectedFolder(dir: string, refuse: (message: string) => Error): string {
  if (dir.trim() === '' || dir.trim() === '.') throw refuse(`--out "${dir}": expected the name of a folder for the outputs`);
  const target = resolve(dir);
  const why = isAncestorOrSelf(target, process.cwd())
    ? 'it is the current folder or one of its ancestors'
    : target === resolve(homedir())
      ? 'it is the home folder'
      : isOwnFolder(target)
        ? "it is one of mppsim's own folders"
        : undefined;
  if (why) throw refuse(`--out ${dir}: refusing to write there (${why}); name a new folder, such as output/my-run`);
  return target;
}

function isOwnFolder(target: string): boolean {
  const root = resolve(REPOSITORY);
  if (isAncestorOrSelf(target, root) || target === resolve(root, 'output')) return true;
  // Installed as a package, every folder of it is npm's to replace: an output there would be lost.
  if (root.split(sep).includes('node_modules') && isAncestorOrSelf(root, target)) return true;
  return REPOSITORY_FOLDERS.some((f) => isAncestorOrSelf(resolve(root, f), target));
}
