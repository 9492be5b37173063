// One run of the page: edit the scenario with the levers, validate it, run the replications not
// remembered from before in the workers (as edited, and as published when comparing), summarise
// them with the CLI's code and show them. A newer run makes an older one stop touching the page.

import { harmonise } from '../../src/experiment/design.js';
import type { ReplicationResult } from '../../src/model/results.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { editScenario, type EditedScenario } from './edited-scenario.js';
import { pageLimitProblem } from './page-limits.js';
import { page, ui } from './page-state.js';
import { CancelledError, type ReplicationTask } from './pool.js';
import { cacheKey, recall, remember } from './replication-cache.js';
import { comparison, comparisonNames, variantRun } from './results.js';
import { drawCharts, setState, showFinished, showProblems } from './results-view.js';
import { FACTS } from './scenario-sources.js';
import { pool } from './start-workers.js';
import { problemsHtml } from './view.js';

/** The replications of every variant: those remembered filled in, the others as tasks for the pool. */
interface Plan {
  keys: string[][];
  results: ReplicationResult[][];
  tasks: ReplicationTask[];
  slots: [number, number][];
}

function plan(variants: readonly Scenario[]): Plan {
  const { replications, engine } = page;
  const keys = variants.map((s) => Array.from({ length: replications }, (_, r) => cacheKey(s, engine, r)));
  // Held here, not only in the cache: a run larger than the cache still has all its results.
  const results: ReplicationResult[][] = variants.map(() => new Array<ReplicationResult>(replications));
  const tasks: ReplicationTask[] = [];
  const slots: [number, number][] = [];
  variants.forEach((s, v) =>
    keys[v].forEach((key, r) => {
      const known = recall(key);
      if (known) results[v][r] = known;
      else {
        tasks.push({ scenario: s, replication: r, engine });
        slots.push([v, r]);
      }
    }),
  );
  return { keys, results, tasks, slots };
}

/** The edited scenario, or undefined after showing why nothing can run. */
function editedOrRefused(): EditedScenario | undefined {
  const { loaded } = page;
  if (loaded.error) {
    pool.cancel();
    showProblems(loaded.error, `${loaded.source.label} cannot be run`);
    setState('invalid');
    ui.status.textContent = 'Not run: the scenario has problems (listed under the scenario picker).';
    return undefined;
  }
  performance.mark('mppsim:run');
  const edited = editScenario(loaded.source.text, loaded.source.label, loaded.levers, page.leverValues, { seed: page.seed, replications: page.replications }, FACTS, loaded.published);
  if (!edited.scenario) {
    pool.cancel();
    showProblems(edited.error, 'These values make the scenario invalid; nothing was run');
    setState('invalid');
    ui.status.textContent = 'Not run: the edited scenario has problems (listed under the scenario picker); the figures are those of the last valid values.';
    return undefined;
  }
  return edited;
}

function showFailure(error: unknown): void {
  setState('failed');
  const message = (error as Error).message;
  ui.status.textContent = '';
  ui.problems.innerHTML = problemsHtml(
    (error as { invariant?: boolean }).invariant ? 'A model invariant broke: this is a bug in mppsim; please report it with the scenario file' : 'The simulation failed',
    new ScenarioError(page.loaded.source.label, [{ path: '', message }]),
  );
}

export async function run(): Promise<void> {
  const mine = ++page.generation;
  const edited = editedOrRefused();
  if (!edited?.scenario) return;
  showProblems(undefined);
  performance.mark('mppsim:validated');
  const { seed, replications, engine } = page;
  const settings = { seed, replications };
  const scenario = harmonise(edited.scenario, settings);
  const reference = page.compare ? harmonise(page.loaded.published as Scenario, settings) : undefined;
  const variants = reference ? [scenario, reference] : [scenario];
  const tooLarge = pageLimitProblem(variants, replications);
  if (tooLarge) {
    pool.cancel();
    showProblems(new ScenarioError(page.loaded.source.label, [{ path: '', message: `too large to run in the page: ${tooLarge}. Run it with \`mppsim run\` instead.` }]), 'Not run in the page');
    setState('invalid');
    ui.status.textContent = 'Not run: too large for the page (see above); the figures are those of the last run.';
    return;
  }
  const { keys, results, tasks, slots } = plan(variants);
  const total = variants.length * replications;
  let done = total - tasks.length;
  const started = performance.now();
  setState('running');
  const progress = (): void => {
    ui.progress.max = total;
    ui.progress.value = done;
    ui.status.textContent = `Running: ${done} of ${total} replications${reference ? ' (as edited and as published)' : ''}…`;
  };
  progress();
  try {
    await pool.run(tasks, (index, result) => {
      const [v, r] = slots[index];
      results[v][r] = result;
      remember(keys[v][r], result);
      done++;
      if (mine === page.generation) progress();
    });
  } catch (error) {
    if (error instanceof CancelledError || mine !== page.generation) return;
    showFailure(error);
    return;
  }
  if (mine !== page.generation) return;
  const runEdited = variantRun(edited.name, scenario, results[0]);
  const names = comparisonNames(String(page.loaded.published?.name), edited.name);
  const runReference = reference ? variantRun(names[0], reference, results[1]) : undefined;
  const finished = (page.finished = {
    edited,
    run: runEdited,
    reference: runReference,
    comparison: runReference ? comparison(runReference, runEdited) : undefined,
    names: runReference ? names : undefined,
    seed,
    replications,
    engine,
  });
  const seconds = (performance.now() - started) / 1000;
  markFinished(seed, replications);
  const cached = total - tasks.length;
  ui.status.textContent =
    `${total} replication${total === 1 ? '' : 's'}${reference ? ` (${replications} as edited, ${replications} as published)` : ''} in ${seconds.toFixed(2)} s` +
    (cached > 0 ? `, ${cached} of them remembered from before` : '') +
    `, on ${pool.size} worker${pool.size === 1 ? '' : 's'}.`;
  showFinished(finished);
  setState('done');
  await drawCharts(mine);
}

/** Counts the finished run and marks it where the tests and the timing script read it. */
function markFinished(seed: number, replications: number): void {
  page.runs++;
  if (page.runs === 1) {
    performance.mark('mppsim:first-result');
    document.body.dataset.firstResultMs = String(Math.round(performance.now()));
  }
  ui.results.dataset.runs = String(page.runs);
  ui.results.dataset.seed = String(seed);
  ui.results.dataset.replications = String(replications);
  ui.progress.value = ui.progress.max;
}
