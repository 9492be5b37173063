// Stream every person's record into an aggregation of your own, without keeping the records:
// per sector, how many arrived, how many were returned to Mexico, and their mean hours from
// arrival to return. The same records are events.csv's rows (`mppsim run --events`).
// Run: node examples/stream-events.mjs
import { bundledScenarioFile, loadScenario, simulate } from 'mppsim';

const scenario = loadScenario(bundledScenarioFile('baseline-tucson-el-paso'));
const bySector = new Map();

simulate(scenario, {
  replication: 0,
  onPerson: (p) => {
    const s = bySector.get(p.sector) ?? { people: 0, returned: 0, hoursToReturn: 0 };
    s.people += 1;
    if (p.outcome === 'returned') {
      s.returned += 1;
      s.hoursToReturn += p.exitHours - p.arrivedHours;
    }
    bySector.set(p.sector, s);
  },
});

for (const [sector, s] of [...bySector].sort(([a], [b]) => a.localeCompare(b))) {
  const mean = s.returned > 0 ? (s.hoursToReturn / s.returned).toFixed(2) : '-';
  console.log(`${sector}: ${s.people} people, ${s.returned} returned, ${mean} hours from arrival to return`);
}
