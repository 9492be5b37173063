// Reference checks of the hearing half: every court a port or a sector names exists, and every port and
// screening a court names; fear at a hearing needs a screening to go to.

import type { Scenario } from './schema.js';

type Problem = (path: string, message: string) => void;

export function checkCourts(s: Scenario, problem: Problem): void {
  const courts = s.courts ?? {};
  const known = (ref: string | undefined, path: string): void => {
    if (ref === undefined || Object.hasOwn(courts, ref)) return;
    const choices = Object.keys(courts);
    problem(path, `unknown court "${ref}"; expected one of: ${choices.length ? choices.join(', ') : '(no courts defined)'}`);
  };
  for (const [id, port] of Object.entries(s.ports)) known(port.court, `ports.${id}.court`);
  for (const [id, sector] of Object.entries(s.sectors)) known(sector.mpp?.court, `sectors.${id}.mpp.court`);
  for (const [id, court] of Object.entries(courts)) {
    if (court.port !== undefined && !Object.hasOwn(s.ports, court.port)) problem(`courts.${id}.port`, `unknown port "${court.port}"; expected one of: ${Object.keys(s.ports).join(', ') || '(no ports defined)'}`);
    if (court.screening !== undefined && !Object.hasOwn(s.screenings, court.screening)) {
      problem(`courts.${id}.screening`, `unknown screening "${court.screening}"; expected one of: ${Object.keys(s.screenings).join(', ') || '(no screenings defined)'}`);
    }
    court.outcomes.forEach((o, i) => {
      if (o.fear > 0 && court.screening === undefined) problem(`courts.${id}.outcomes[${i}].fear`, 'sends cases to a screening, but the court names none; expected courts.' + id + '.screening');
    });
  }
}
