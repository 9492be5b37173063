// What the network observed, handed to the metrics as plain records (metrics.ts imports no block).

import type { CourtTransport } from './blocks/court-transport.js';
import type { TransportFigures } from './hearing-metrics.js';
import type { ModelFigures } from './metrics.js';
import type { Network } from './network.js';

/** What the network observed, as plain records for the metrics. */
export function figuresOf(network: Network, end: number, inCustody: Float64Array, inMexico: Float64Array): ModelFigures {
  const { exits, courts } = network;
  return {
    countedDays: network.days - network.warmupDays,
    end,
    inCustody,
    inCustodyAtStart: exits.inCustodyAtStart,
    exitsByOrigin: exits.byOrigin,
    waits: exits.waits,
    waitsBySector: exits.waitsBySector,
    waitsByCategory: exits.waitsByCategory,
    categoryIds: network.fates.categories.map((c) => c.id),
    sectors: network.holdings.map((h, i) => ({ id: h.id, stage: h.stage, occupancy: h.occupancy, occupied: h.occupied, agents: network.processing[i].pool })),
    routes: network.routes.map((r) => ({ id: r.stage.id, stage: r.stage })),
    screenings: network.screenings.map((s) => ({ id: s.stage.id, stage: s.stage, officers: s.pool! })),
    ports: network.ports.map((p) => ({ id: p.stage.id, stage: p.stage })),
    hearings:
      courts.length === 0
        ? null
        : {
            inMexico,
            inMexicoAtStart: exits.inMexicoAtStart,
            timing: network.timing,
            courts: courts.map((c, i) => ({ id: c.stage.id, stage: c.stage, leadDaysEnd: c.docket.leadDaysFrom(network.days, c.spec.leadDays), timing: c.ownTiming, transport: transportOf(network.transports[i]), postponed: c.postponements?.movedTotal ?? null })),
            intakeRefused: network.intakes.map((intake) => intake?.refusedTotal ?? null),
          },
  };
}

function transportOf(transport: CourtTransport | null): TransportFigures | null {
  return transport ? { ...transport.total, seatsPerTrip: transport.seatsPerTrip } : null;
}
