// Closed forms from queueing theory that the validation tests hold the simulator to. Rates are per
// hour, times in hours; a = λ/μ is the offered load in erlangs. Pure functions, no simulator code.

/** Erlang B: the probability that an arrival finds all c servers busy in an M/M/c/c loss system. */
export function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang C: the probability that an arrival waits in an M/M/c queue (a < c). */
export function erlangC(c: number, a: number): number {
  const b = erlangB(c, a);
  return (c * b) / (c - a * (1 - b));
}

/** M/M/c mean wait in queue Wq (hours) and mean number waiting Lq = λ Wq. */
export function mmc(lambda: number, mu: number, c: number): { wq: number; lq: number; rho: number } {
  const a = lambda / mu;
  const wq = erlangC(c, a) / (c * mu - lambda);
  return { wq, lq: lambda * wq, rho: a / c };
}

/** M/D/1 mean wait in queue by Pollaczek–Khinchine with deterministic service D: Wq = ρ D / (2 (1 − ρ)). */
export function md1(lambda: number, serviceHours: number): { wq: number; lq: number; rho: number } {
  const rho = lambda * serviceHours;
  const wq = (rho * serviceHours) / (2 * (1 - rho));
  return { wq, lq: lambda * wq, rho };
}

/**
 * M/M/c/K: the probability that an arrival finds K people in the system (c in service, K − c
 * waiting) and is turned away. By PASTA it is the stationary probability of state K.
 */
export function mmcKBlocking(c: number, capacity: number, a: number): number {
  const weights: number[] = [1];
  for (let n = 1; n <= capacity; n++) weights.push((weights[n - 1] * a) / Math.min(n, c));
  const total = weights.reduce((s, w) => s + w, 0);
  return weights[capacity] / total;
}
