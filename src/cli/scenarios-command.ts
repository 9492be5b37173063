// `mppsim scenarios`: the bundled scenarios (name, title, horizon), and a copy of one to start from,
// so a user of the installed package need not dig through node_modules for the files.

import { copyFileSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ScenariosArgs } from './scenarios-options.js';
import { addDays, bundledScenarioFile, bundledScenarioNames, bundledScenarios } from '../scenario/index.js';
import { EXIT_OK, UsageError, guard, type Io } from './io.js';

export function scenariosCommand(args: ScenariosArgs, io: Io): Promise<number> {
  return guard(io, () => {
    if (args.name === undefined) {
      if (args.out !== undefined || args.copy !== undefined) throw new UsageError('scenarios: name the scenario to copy (see `mppsim scenarios`)');
      io.out(listing());
      return EXIT_OK;
    }
    const source = bundledScenarioFile(args.name);
    if (!source) throw new UsageError(`scenarios: no bundled scenario "${args.name}"; expected one of: ${bundledScenarioNames().join(', ')}`);
    const target = args.out ?? (args.copy !== undefined ? join(args.copy, `${args.name}.yaml`) : undefined);
    if (target === undefined) {
      io.out(`${args.name}: ${source}\n(copy it to start from with: mppsim scenarios ${args.name} --out my-scenario.yaml)`);
      return EXIT_OK;
    }
    copyScenario(source, target, args.force);
    io.out(`wrote ${resolve(target)}; run it with: mppsim run ${target}`);
    return EXIT_OK;
  });
}

function listing(): string {
  const lines = [['name', 'title', 'horizon']];
  for (const s of bundledScenarios()) lines.push([s.name, s.title, `${s.days} days, ${s.start} to ${addDays(s.start, s.days - 1)}`]);
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  const table = lines.map((l) => l.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
  return [...table, '', 'copy one to start from: mppsim scenarios NAME --out FILE (or --copy FOLDER)'].join('\n');
}

function copyScenario(source: string, target: string, force: boolean): void {
  if (existsSync(target) && !force) throw new UsageError(`scenarios: ${target} exists; pass --force to replace it`);
  mkdirSync(dirname(resolve(target)), { recursive: true });
  // COPYFILE_EXCL closes the gap between the check above and the copy; --force replaces on purpose.
  copyFileSync(source, target, force ? 0 : constants.COPYFILE_EXCL);
}
