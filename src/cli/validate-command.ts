// `mppsim validate SCENARIO`: check a scenario file and report every problem in it. Loads the scenario
// room and nothing of the model, the experiments or the writers.

import { loadScenario } from '../scenario/index.js';
import { EXIT_OK, guard, type Io } from './io.js';

export function validateCommand(args: { scenario: string }, io: Io): Promise<number> {
  return guard(io, () => {
    const s = loadScenario(args.scenario);
    io.out(`${args.scenario}: ok (${s.name}: ${Object.keys(s.sectors).length} sectors, ${s.days} days)`);
    return EXIT_OK;
  });
}
