// One measurement in a fresh process, so that its peak memory is its own: prints a JSON line.
// Run by bench.ts; `tsx bench/measure.ts engine heap 1000000` or `tsx bench/measure.ts model 8`.

import seedrandom from 'seedrandom';
import { createCalendar, type EngineName } from '../src/engine/index.js';
import { loadScenario, type Scenario } from '../src/scenario/index.js';
import { simulate } from '../src/model/index.js';
import { expectedPeople } from '../src/experiment/index.js';

const [kind, arg, countText] = process.argv.slice(2);

/** M/M/3 at ρ = 0.8 (λ = 2.4, μ = 1) on an EventCalendar: arrival and departure events, a FIFO count. */
function mm3OnCalendar(engine: EngineName, customers: number): { events: number } {
  const calendar = createCalendar(engine);
  const random = seedrandom.alea('mm3');
  const exp = (rate: number): number => -Math.log(1 - random()) / rate;
  let busy = 0;
  let queued = 0;
  let arrived = 0;
  const depart = (): void => {
    if (queued > 0) {
      queued--;
      calendar.schedule(calendar.now + exp(1), depart);
    } else busy--;
  };
  const arrive = (): void => {
    if (++arrived < customers) calendar.schedule(calendar.now + exp(2.4), arrive);
    if (busy < 3) {
      busy++;
      calendar.schedule(calendar.now + exp(1), depart);
    } else queued++;
  };
  calendar.schedule(0, arrive);
  calendar.runUntil(Number.MAX_VALUE);
  return { events: calendar.delivered };
}

/** The practical limit: the same M/M/3 as one loop over a typed-array heap, no callbacks, no interface. */
function mm3Reference(customers: number): { events: number } {
  const random = seedrandom.alea('mm3');
  const exp = (rate: number): number => -Math.log(1 - random()) / rate;
  const times = new Float64Array(16);
  const kinds = new Uint8Array(16); // 0 arrival, 1 departure
  let size = 0;
  const push = (t: number, k: number): void => {
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p] <= t) break;
      times[i] = times[p];
      kinds[i] = kinds[p];
      i = p;
    }
    times[i] = t;
    kinds[i] = k;
  };
  const pop = (): void => {
    const t = times[--size];
    const k = kinds[size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && times[c + 1] < times[c]) c++;
      if (times[c] >= t) break;
      times[i] = times[c];
      kinds[i] = kinds[c];
      i = c;
    }
    times[i] = t;
    kinds[i] = k;
  };
  let busy = 0;
  let queued = 0;
  let arrived = 0;
  let events = 0;
  push(0, 0);
  while (size > 0) {
    const now = times[0];
    const k = kinds[0];
    pop();
    events++;
    if (k === 0) {
      if (++arrived < customers) push(now + exp(2.4), 0);
      if (busy < 3) {
        busy++;
        push(now + exp(1), 1);
      } else queued++;
    } else if (queued > 0) {
      queued--;
      push(now + exp(1), 1);
    } else busy--;
  }
  return { events };
}

/** The border-wide FY2019 scenario stretched to `years` by repeating its monthly arrivals. */
function borderWide(years: number): Scenario {
  const base = loadScenario('scenarios/southwest-border-fy2019.yaml');
  const sectors = Object.fromEntries(
    Object.entries(base.sectors).map(([id, sector]) => {
      const monthly = sector.arrivals?.monthly;
      if (!sector.arrivals || !monthly) return [id, sector];
      const repeated: Record<string, number> = {};
      for (let y = 0; y < years; y++) {
        for (const [month, people] of Object.entries(monthly)) repeated[`${Number(month.slice(0, 4)) + y}${month.slice(4)}`] = people;
      }
      return [id, { ...sector, arrivals: { ...sector.arrivals, monthly: repeated } }];
    }),
  );
  return { ...base, sectors, days: 365 * years, replications: 1 };
}

function main(): void {
  const started = performance.now();
  let figures: Record<string, number>;
  if (kind === 'engine') {
    const customers = Number(countText);
    figures = arg === 'reference' ? mm3Reference(customers) : mm3OnCalendar(arg as EngineName, customers);
    figures.customers = customers;
  } else if (kind === 'model') {
    const scenario = borderWide(Number(arg));
    const t0 = performance.now();
    const result = simulate(scenario);
    const ms = performance.now() - t0;
    const people = result.metrics.find((m) => m.metric === 'arrivals' && m.scope === 'total')!.value;
    figures = { events: result.events, people, expectedPeople: expectedPeople(scenario), simulateMs: ms };
  } else {
    throw new Error(`unknown measurement ${kind}`);
  }
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ ...figures, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

main();
