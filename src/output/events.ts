// The columns of events.csv: one row per person. Kept apart so worker threads load only this.

import type { PersonRecord } from '../model/results.js';
import type { Cell } from './csv.js';

export const EVENTS_HEADER = [
  'replication', 'person', 'group', 'group_size', 'sector', 'category', 'arrived_hours', 'processed_hours',
  'boarded_hours', 'bus_arrived_hours', 'interviewed_hours', 'exit_hours', 'outcome', 'site',
  'first_returned_hours', 'hearings',
];

export function eventCells(p: PersonRecord): Cell[] {
  return [
    p.replication, p.person, p.group, p.groupSize, p.sector, p.category, p.arrivedHours, p.processedHours,
    p.boardedHours, p.busArrivedHours, p.interviewedHours, p.exitHours, p.outcome, p.site,
    p.firstReturnedHours, p.hearings,
  ];
}
