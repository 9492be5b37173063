// The look every report chart shares (sizes, fonts, facet layout, dates in UTC) and the one guard on
// facet values, so the run, compare and sweep charts read alike.

export const CHART_WIDTH = 760;

/** Shared look: readable sizes, titles left-aligned, no chart-wide border. */
export const CONFIG = {
  font: 'sans-serif',
  title: { anchor: 'start', fontSize: 14, subtitleFontSize: 12, subtitleColor: '#444' },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', gridColor: '#e6e6e6' },
  header: { labelFontSize: 12, labelFontWeight: 'bold', labelAnchor: 'start', labelAngle: 0, labelOrient: 'top' },
  legend: { labelFontSize: 12, orient: 'top', title: null, labelLimit: 400, symbolOpacity: 1 },
  view: { stroke: '#ccc' },
} as const;

/**
 * Small charts on their own y scales. On two columns each draws its own x axis too: vega-lite puts
 * a shared x axis under every column of the last row, so an odd count left an empty cell with an axis.
 */
export function facetResolve(columns: number) {
  return { scale: { y: 'independent' }, ...(columns > 1 ? { axis: { x: 'independent' } } : {}) } as const;
}

/** Dates are UTC calendar days, so labels never depend on the machine's time zone. */
export const dateAxis = (title = 'date') =>
  ({ field: 'date', type: 'temporal', title, scale: { type: 'utc' }, axis: { format: '%d %b', labelOverlap: true } }) as const;

/**
 * Vega looks a facet's value up in a plain object (vega-transforms Facet: `this._group[key]`), so a
 * facet named like an Object property ("constructor", "toString": an id or a variant name) fails to
 * draw. Such a value gets an invisible word joiner (U+2060): shown the same, no longer that name.
 */
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
export function facetValue(value: string): string {
  return PROTOTYPE_NAMES.has(value) ? `${value}\u2060` : value;
}
