// Reference checks of the hearing half: every court a port or a sector names exists, and every port and
// screening a court names; fear at a hearing needs a screening to go to, and transport a port to run from.

import { knownId } from './known-id.js';
import type { Scenario } from './schema.js';

type Problem = (path: string, message: string) => void;

export function checkCourts(s: Scenario, problem: Problem): void {
  const courts = s.courts ?? {};
  const known = (kind: string, ids: Readonly<Record<string, unknown>>, ref: string | undefined, path: string): void => {
    if (ref !== undefined) knownId(kind, ids, ref, path, problem);
  };
  for (const [id, port] of Object.entries(s.ports)) known('court', courts, port.court, `ports.${id}.court`);
  for (const [id, sector] of Object.entries(s.sectors)) known('court', courts, sector.mpp?.court, `sectors.${id}.mpp.court`);
  for (const [id, court] of Object.entries(courts)) {
    known('port', s.ports, court.port, `courts.${id}.port`);
    known('screening', s.screenings, court.screening, `courts.${id}.screening`);
    // Trips run between one port and the court: without `port`, cases would present at several.
    if (court.transport && court.port === undefined) problem(`courts.${id}.transport`, 'runs from the court\'s port, but the court names none; expected courts.' + id + '.port');
    court.outcomes.forEach((o, i) => {
      if (o.fear > 0 && court.screening === undefined) problem(`courts.${id}.outcomes[${i}].fear`, 'sends cases to a screening, but the court names none; expected courts.' + id + '.screening');
    });
  }
}
