// One colour per series, decided here for every chart of every report: a named flow or purpose
// ("returned", "first returns to Mexico") has a fixed colour; any other series (a variant, a bus
// route, a swept value) takes the palette in the order of the full list it belongs to, so a chart
// that shows only some of them (the differences leave out the reference) keeps each one's colour.

/** Vega's tableau10, the colours the charts had before, in its order. */
export const SERIES_PALETTE = ['#4c78a8', '#f58518', '#e45756', '#72b7b2', '#54a24b', '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac'] as const;

const NAMED_SERIES: ReadonlyMap<string, string> = new Map([
  ['arrivals', SERIES_PALETTE[0]],
  ['boarded', SERIES_PALETTE[1]],
  ['returned', SERIES_PALETTE[4]],
  ['released', SERIES_PALETTE[2]],
  ['first returns to Mexico', SERIES_PALETTE[4]],
  ['returns after a hearing', SERIES_PALETTE[6]],
  ['crossings in for a hearing', SERIES_PALETTE[5]],
]);

/** The colour of `series` among `all` (its whole list, in the report's order). */
export function seriesColour(series: string, all: readonly string[]): string {
  const named = NAMED_SERIES.get(series);
  if (named !== undefined) return named;
  const index = all.indexOf(series);
  return SERIES_PALETTE[(index < 0 ? all.length : index) % SERIES_PALETTE.length];
}

/** A vega-lite colour scale for the series shown, coloured by their place in `all`. */
export function seriesColourScale(shown: readonly string[], all: readonly string[] = shown): { domain: string[]; range: string[] } {
  return { domain: [...shown], range: shown.map((s) => seriesColour(s, all)) };
}
