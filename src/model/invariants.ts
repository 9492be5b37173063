// The invariants of docs/MODEL.md. A violation is a bug in the model, never an input error: it aborts the run.

import type { Exit } from './results.js';

export class InvariantError extends Error {
  constructor(message: string) {
    super(`invariant violated: ${message}`);
    this.name = 'InvariantError';
  }
}

/** arrivals = returned + released + screened out + other + in custody, per sector of origin and in total. */
export function checkConservation(
  sectorIds: readonly string[],
  ledger: Record<Exit | 'arrivals', Float64Array>,
  inCustody: Float64Array,
  heldAtSitesOrOnBuses: number,
): void {
  let totalArrivals = 0;
  let totalAccounted = 0;
  sectorIds.forEach((id, i) => {
    const accounted = ledger.returned[i] + ledger.released[i] + ledger.screened_out[i] + ledger.other[i] + inCustody[i];
    for (const [name, value] of Object.entries(ledger)) {
      if (value[i] < 0) throw new InvariantError(`${name} from ${id} is negative (${value[i]})`);
    }
    if (accounted !== ledger.arrivals[i]) {
      throw new InvariantError(
        `conservation for ${id}: ${ledger.arrivals[i]} arrived but returned ${ledger.returned[i]} + released ${ledger.released[i]} + screened out ${ledger.screened_out[i]} + other ${ledger.other[i]} + in custody ${inCustody[i]} = ${accounted}`,
      );
    }
    totalArrivals += ledger.arrivals[i];
    totalAccounted += accounted;
  });
  const inCustodyTotal = inCustody.reduce((a, b) => a + b, 0);
  if (inCustodyTotal !== heldAtSitesOrOnBuses) {
    throw new InvariantError(`${inCustodyTotal} people in custody by the group table but ${heldAtSitesOrOnBuses} held at sites or on buses`);
  }
  if (totalArrivals !== totalAccounted) throw new InvariantError(`conservation in total: ${totalArrivals} arrived, ${totalAccounted} accounted for`);
}
