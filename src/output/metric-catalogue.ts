// Every whole-run figure the model reports (summary.csv's `metric`), with its unit, its meaning in
// words and whether it is a key figure: the one list the terminal table, the reports and the
// workbook read. The README's summary.csv table describes the same figures for readers.

/** Where a figure is a key figure: at scope `total`, at the `returned` exit, or at every stage. */
export type KeyScope = 'total' | 'returned' | 'stage';

export interface MetricInfo {
  id: string;
  unit: string;
  label: string;
  key?: KeyScope;
  /**
   * Key in the table after a run, but not charted by the compare and sweep reports (it stays in
   * their tables): under common random numbers it is set by the arrivals and each group's fates,
   * so a lever on capacity leaves its paired difference at zero.
   */
  runTableOnly?: true;
}

/** Key figures come first, in the order the terminal table and the reports list them. */
export const METRIC_CATALOGUE: readonly MetricInfo[] = [
  { id: 'arrivals', unit: 'people', label: 'apprehended', key: 'total', runTableOnly: true },
  { id: 'returned', unit: 'people', label: 'returned to Mexico', key: 'total' },
  { id: 'released', unit: 'people', label: 'released on arrival because holding was full', key: 'total' },
  { id: 'screened_out', unit: 'people', label: 'found positive at screening, not returned', key: 'total' },
  { id: 'other', unit: 'people', label: 'not eligible or not enrolled', key: 'total', runTableOnly: true },
  { id: 'in_custody_end', unit: 'people', label: 'still in custody at the end', key: 'total' },
  { id: 'boarded', unit: 'people', label: 'boarded a bus', key: 'total' },
  { id: 'bus_load_factor', unit: 'boarded / seats offered', label: 'share of bus seats filled', key: 'total' },
  { id: 'returns_per_day', unit: 'people per day', label: 'returned per counted day', key: 'total' },
  { id: 'wait_hours_mean', unit: 'hours', label: 'mean hours from arrival to the exit', key: 'returned' },
  { id: 'wait_hours_p90', unit: 'hours', label: '90th percentile of hours from arrival to the exit', key: 'returned' },
  { id: 'queue_max', unit: 'people', label: 'most people waiting for the stage', key: 'stage' },
  { id: 'occupancy_max', unit: 'people', label: 'most people held at the site', key: 'stage' },
  { id: 'wait_hours_p50', unit: 'hours', label: 'median hours from arrival to the exit' },
  { id: 'wait_hours_p95', unit: 'hours', label: '95th percentile of hours from arrival to the exit' },
  { id: 'wait_hours_max', unit: 'hours', label: 'longest hours from arrival to the exit' },
  { id: 'processed', unit: 'people', label: 'processing finished' },
  { id: 'enrolled', unit: 'people', label: 'enrolled in MPP' },
  { id: 'bus_arrivals', unit: 'people', label: 'arrived by bus from another sector' },
  { id: 'interviewed', unit: 'people', label: 'screening interviews finished' },
  { id: 'queue_mean', unit: 'people (time-average)', label: 'people waiting for the stage' },
  { id: 'queue_end', unit: 'people', label: 'people waiting for the stage at the end' },
  { id: 'queue_wait_hours_mean', unit: 'hours', label: 'mean hours waited by those who left the queue' },
  { id: 'queue_entered', unit: 'people', label: 'joined the queue after warm-up' },
  { id: 'queue_wait_hours_total', unit: 'people-hours', label: 'hours spent in the queue after warm-up, by everyone' },
  { id: 'occupancy_mean', unit: 'people (time-average)', label: 'people held at the site' },
  { id: 'occupancy_end', unit: 'people', label: 'people held at the site at the end' },
  { id: 'utilization', unit: 'busy / on-duty hours', label: 'share of on-duty hours agents or officers were busy' },
  { id: 'seats_offered', unit: 'seats', label: 'seats available at departure times' },
  { id: 'departures', unit: 'buses', label: 'buses that left with people' },
  { id: 'cap_used', unit: 'returned / summed daily caps', label: "share of the port's daily caps used" },
  { id: 'in_custody_start', unit: 'people', label: 'in custody when the counted window began (after a warm-up)' },
  // The hearing half, reported only by scenarios with courts.
  { id: 'crossings_to_mexico', unit: 'people', label: 'crossings into Mexico, first returns and returns after a hearing' },
  { id: 'in_mexico_end', unit: 'people', label: 'waiting in Mexico for a hearing at the end' },
  { id: 'in_mexico_start', unit: 'people', label: 'waiting in Mexico when the counted window began (after a warm-up)' },
  { id: 'in_absentia', unit: 'people', label: 'ordered removed in absentia (did not appear)' },
  { id: 'removal_ordered', unit: 'people', label: 'ordered removed at a hearing' },
  { id: 'relief', unit: 'people', label: 'granted relief' },
  { id: 'terminated', unit: 'people', label: 'case terminated or closed' },
  { id: 'hearings_held', unit: 'people', label: 'heard at a hearing' },
  { id: 'hearings_scheduled', unit: 'people', label: 'booked on the docket' },
  { id: 'resets', unit: 'people', label: 'reset to a later hearing' },
  { id: 'docket_lead_days_end', unit: 'days', label: "days to the first free slot for a booking on the last day" },
  { id: 'days_to_first_hearing_mean', unit: 'days', label: 'mean days from the first return to the first hearing' },
  { id: 'days_to_first_hearing_p50', unit: 'days', label: 'median days from the first return to the first hearing' },
  { id: 'days_to_first_hearing_p90', unit: 'days', label: '90th percentile of days from the first return to the first hearing' },
  { id: 'days_to_decision_mean', unit: 'days', label: 'mean days from the first return to the decision' },
  { id: 'days_to_decision_p90', unit: 'days', label: '90th percentile of days from the first return to the decision' },
  { id: 'crossings_in', unit: 'people', label: 'crossed back at the port for a hearing' },
  { id: 'returned_after_hearing', unit: 'people', label: 'returned to Mexico after a hearing' },
  // Reported only where a port sets `hearingIntakePerDay` or a court sets `transport`.
  { id: 'intake_refused', unit: 'people', label: "refused by the port's hearing intake (hearing missed, booked again)" },
  { id: 'trips_to_court', unit: 'trips', label: 'trips from the port to the court that ran' },
  { id: 'rode_to_court', unit: 'people', label: 'carried from the port to the court' },
  { id: 'missed_no_seat', unit: 'people', label: 'left without a seat on the day\'s last trip to court (hearing missed, booked again)' },
  { id: 'trips_to_port', unit: 'trips', label: 'trips from the court back to the port that ran' },
  { id: 'rode_to_port', unit: 'people', label: 'carried from the court back to the port' },
  { id: 'trip_load_factor', unit: 'carried / seats', label: 'people carried / seats of the trips that ran, both ways' },
  { id: 'postponed', unit: 'people', label: 'whose hearing a postponement moved to after it (reported by a court with postponements)' },
];

const BY_ID = new Map(METRIC_CATALOGUE.map((m) => [m.id, m]));

/** A figure's unit; '' for a name the catalogue does not know. */
export function metricUnit(id: string): string {
  return BY_ID.get(id)?.unit ?? '';
}

/** The ids of the key figures at one scope, in catalogue order; `charted` leaves out the run-table-only ones. */
export function keyMetricIds(scope: KeyScope, charted = false): string[] {
  return METRIC_CATALOGUE.filter((m) => m.key === scope && !(charted && m.runTableOnly)).map((m) => m.id);
}
