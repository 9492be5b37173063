// A sweep into a table of your own: the bus's seats from 30 to 60, each value replicated with the
// same seeds (as `mppsim sweep` does), one CSV line per value with the returns and the people still
// in custody at the end. Run: node examples/sweep-table.mjs
import { bundledScenarioFile, loadScenario, replicate, summarize } from 'mppsim';

const base = loadScenario(bundledScenarioFile('baseline-tucson-el-paso'));
const REPLICATIONS = 3;

const mean = (rows, metric) => rows.find((r) => r.metric === metric && r.scope === 'total').mean;

console.log('seats_per_bus,returned_mean,in_custody_end_mean');
for (const seats of [30, 40, 50, 60]) {
  const scenario = structuredClone(base);
  scenario.busRoutes['tucson-el-paso'].seatsPerBus = seats;
  const rows = summarize(replicate(scenario, { replications: REPLICATIONS }));
  console.log([seats, mean(rows, 'returned').toFixed(2), mean(rows, 'in_custody_end').toFixed(2)].join(','));
}
