// Run a bundled scenario, read its summary, then compare it with a variant (a 25-seat bus instead of a 50-seat one)
// replication by replication. Imports the package by its name, as a script beside an installed
// mppsim does (in the repository, after `npm run build`). Run: node examples/run-and-compare.mjs
import { bundledScenarioFile, compareVariants, loadScenario, replicate, summarize } from 'mppsim';

const REPLICATIONS = 5;

const baseline = loadScenario(bundledScenarioFile('baseline-tucson-el-paso'));
const results = replicate(baseline, { replications: REPLICATIONS });
const returned = summarize(results).find((r) => r.metric === 'returned' && r.scope === 'total');
console.log(`${baseline.name}: ${returned.mean} people returned (95% interval ${returned.ciLow.toFixed(1)} to ${returned.ciHigh.toFixed(1)}, ${REPLICATIONS} replications)`);

// A variant is a scenario object too. Same seed, so replication r of each sees the same arrivals
// (common random numbers): the difference comes from the smaller bus, not from other draws.
const smallBus = structuredClone(baseline);
smallBus.busRoutes['tucson-el-paso'].seatsPerBus = 25;
const rows = compareVariants(['baseline', 'small-bus'], [results, replicate(smallBus, { replications: REPLICATIONS })]);

for (const row of rows.filter((r) => r.difference && ['returned', 'boarded', 'in_custody_end'].includes(r.metric) && r.scope === 'total')) {
  const d = row.difference;
  console.log(`${row.metric}: ${d.mean >= 0 ? '+' : ''}${d.mean} with the small bus (95% interval ${d.ciLow.toFixed(1)} to ${d.ciHigh.toFixed(1)})${row.significant ? '' : ', not significant'}`);
}
