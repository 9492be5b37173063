// The invariants of docs/MODEL.md. A violation is a bug in the model, never an input error: it aborts the run.

import { ALL_EXITS, type Exit } from './results.js';

/** A conservation or capacity check failed: a bug in the model (the CLI exits 1), never bad input. */
export class InvariantError extends Error {
  constructor(message: string) {
    super(`invariant violated: ${message}`);
    this.name = 'InvariantError';
  }
}

/** arrivals = every exit + in custody + waiting in Mexico, per sector of origin and in total. */
export function checkConservation(
  sectorIds: readonly string[],
  ledger: Record<Exit | 'arrivals', Float64Array>,
  inCustody: Float64Array,
  inMexico: Float64Array,
  heldAtSitesOrOnBuses: number,
): void {
  let totalArrivals = 0;
  let totalAccounted = 0;
  sectorIds.forEach((id, i) => {
    for (const [name, value] of Object.entries(ledger)) {
      if (value[i] < 0) throw new InvariantError(`${name} from ${id} is negative (${value[i]})`);
    }
    const accounted = ALL_EXITS.reduce((sum, exit) => sum + ledger[exit][i], 0) + inCustody[i] + inMexico[i];
    if (accounted !== ledger.arrivals[i]) {
      const parts = ALL_EXITS.filter((exit) => ledger[exit][i] !== 0).map((exit) => `${exit.replace('_', ' ')} ${ledger[exit][i]}`);
      throw new InvariantError(
        `conservation for ${id}: ${ledger.arrivals[i]} arrived but ${[...parts, `in custody ${inCustody[i]}`, `in Mexico ${inMexico[i]}`].join(' + ')} = ${accounted}`,
      );
    }
    totalArrivals += ledger.arrivals[i];
    totalAccounted += accounted;
  });
  const inCustodyTotal = inCustody.reduce((a, b) => a + b, 0);
  if (inCustodyTotal !== heldAtSitesOrOnBuses) {
    throw new InvariantError(`${inCustodyTotal} people in custody by the group table but ${heldAtSitesOrOnBuses} held at sites, on buses or at hearings`);
  }
  if (totalArrivals !== totalAccounted) throw new InvariantError(`conservation in total: ${totalArrivals} arrived, ${totalAccounted} accounted for`);
}
