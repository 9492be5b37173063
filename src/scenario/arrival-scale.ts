// The arrival scale: every arrival rate of a scenario times one factor (the page's lever, the
// CLI's --scale-arrivals). One list of fields for both, so a scaled run on the page and on the
// command line simulate the same scenario. Works on a document or a validated scenario alike.

/** A field path in a document; numbers index lists. */
export type FieldPath = readonly (string | number)[];

export interface FieldEdit {
  path: FieldPath;
  value: number;
}

type Doc = Record<string, unknown>;

const record = (value: unknown): Doc => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Doc) : {});
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** Edits setting every sector's peoplePerDay, monthly and periods' peoplePerDay to its value times `factor`; none for 1. */
export function arrivalScaleEdits(document: unknown, factor: number): FieldEdit[] {
  if (factor === 1) return [];
  // Three decimals keep the edited YAML readable; a thousandth of a person a day changes nothing.
  const scaled = (v: number): number => Math.round(v * factor * 1000) / 1000;
  const edits: FieldEdit[] = [];
  for (const [id, value] of Object.entries(record(record(document).sectors))) {
    const arrivals = record(record(value).arrivals);
    const base = ['sectors', id, 'arrivals'];
    const perDay = num(arrivals.peoplePerDay);
    if (perDay !== undefined) edits.push({ path: [...base, 'peoplePerDay'], value: scaled(perDay) });
    for (const [month, people] of Object.entries(record(arrivals.monthly))) {
      const n = num(people);
      if (n !== undefined) edits.push({ path: [...base, 'monthly', month], value: scaled(n) });
    }
    (Array.isArray(arrivals.periods) ? arrivals.periods : []).forEach((p, i) => {
      const n = num(record(p).peoplePerDay);
      if (n !== undefined) edits.push({ path: [...base, 'periods', i, 'peoplePerDay'], value: scaled(n) });
    });
  }
  return edits;
}

/** A copy of a scenario (or document) with every arrival rate scaled; the original is left as it was. */
export function scaleArrivals<T>(scenario: T, factor: number): T {
  const copy = structuredClone(scenario);
  for (const { path, value } of arrivalScaleEdits(copy, factor)) {
    // The edits name only fields that exist, lists (periods) included.
    let node = copy as Doc;
    for (const key of path.slice(0, -1)) node = node[key] as Doc;
    node[path[path.length - 1]] = value;
  }
  return copy;
}
