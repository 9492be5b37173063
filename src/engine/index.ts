// Chooses an event calendar by name; everything else sees only the EventCalendar interface.

import type { EngineName, EventCalendar } from './calendar.js';
import { HeapCalendar } from './heap-calendar.js';
import { SimjsCalendar } from './simjs-adapter.js';

export type { EngineName, EventCalendar, EventHandler, EventId } from './calendar.js';
export { ENGINE_NAMES } from './calendar.js';

/** A fresh, empty event calendar: `heap` (ours, the default) or `simjs` (the simjs library's); both give the same results. */
export function createCalendar(engine: EngineName): EventCalendar {
  return engine === 'simjs' ? new SimjsCalendar() : new HeapCalendar();
}
