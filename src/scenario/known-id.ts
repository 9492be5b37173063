// One wording for an id that names nothing: what was asked for and the ids there are to choose from.

type Problem = (path: string, message: string) => void;

/** Whether `ref` is one of `ids` (own keys only: "constructor" is in every object's prototype, not an id); if not, says so at `path`. */
export function knownId(kind: string, ids: Readonly<Record<string, unknown>>, ref: string, path: string, problem: Problem): boolean {
  if (Object.hasOwn(ids, ref)) return true;
  const choices = Object.keys(ids);
  problem(path, `unknown ${kind} "${ref}"; expected one of: ${choices.length ? choices.join(', ') : `(no ${kind}s defined)`}`);
  return false;
}
