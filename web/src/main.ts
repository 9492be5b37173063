// The what-if page: pick a scenario, move its levers, and the model reruns in module workers. The
// page edits the scenario document, validates it as the command line does, runs replications with
// the CLI's seeds and summarises them with the CLI's code, so its figures and downloads are the CLI's.

import { pool } from './start-workers.js';
import factsText from '../../seeds/facts.yaml?raw';
import type { EngineName } from '../../src/engine/calendar.js';
import { harmonise } from '../../src/experiment/design.js';
import type { ComparisonRow } from '../../src/experiment/paired.js';
import type { ReplicationResult } from '../../src/model/results.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { parseFacts, parseText, validateScenarioWith } from '../../src/scenario/parse.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { editScenario, type EditedScenario } from './edited-scenario.js';
import { leversOf, type Lever } from './levers.js';
import { CancelledError, type ReplicationTask } from './pool.js';
import {
  comparison,
  comparisonCsvOf,
  comparisonNames,
  dailyCsvOf,
  replicationsCsvOf,
  runFolderOf,
  summaryCsvOf,
  variantRun,
  type VariantRun,
} from './results.js';
import { decodeState, encodeState, MAX_LINKED_FILE_CHARS, type ViewState } from './url-state.js';
import { chartFigureHtml, figuresTableHtml, leverControls, problemsHtml, summaryTable } from './view.js';

performance.mark('mppsim:script');
const BUNDLED: ReadonlyMap<string, string> = new Map(
  Object.entries(import.meta.glob<string>('../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }))
    .map(([path, text]): [string, string] => [path.replace(/^.*\/([^/]+)\.yaml$/, '$1'), text])
    .sort(([a], [b]) => a.localeCompare(b)),
);
const DEFAULT_SCENARIO = BUNDLED.has('baseline-tucson-el-paso') ? 'baseline-tucson-el-paso' : [...BUNDLED.keys()][0];
const FACTS = parseFacts('seeds/facts.yaml', factsText);
/** As the command line refuses larger files (src/scenario/load.ts). */
const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;
const MAX_REPLICATIONS = 200;
const DEBOUNCE_MS = 250;

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const ui = {
  scenario: $<HTMLSelectElement>('scenario'),
  scenarioTitle: $('scenario-title'),
  file: $<HTMLInputElement>('file'),
  problems: $('problems'),
  reps: $<HTMLInputElement>('reps'),
  seed: $<HTMLInputElement>('seed'),
  engine: $<HTMLSelectElement>('engine'),
  compare: $<HTMLInputElement>('compare'),
  levers: $('levers'),
  reset: $<HTMLButtonElement>('reset'),
  results: $('results'),
  progress: $<HTMLProgressElement>('progress'),
  status: $('status'),
  figures: $('figures'),
  downloads: $('downloads'),
  reproduce: $('reproduce'),
  charts: $('charts'),
  summary: $('summary'),
};

/** A scenario text and the label its errors carry (the file name, as the CLI prints it). */
interface Source {
  key: string;
  label: string;
  text: string;
}

interface Loaded {
  source: Source;
  published?: Scenario;
  levers: Lever[];
  error?: ScenarioError;
}

interface Finished {
  edited: EditedScenario;
  run: VariantRun;
  reference?: VariantRun;
  comparison?: ComparisonRow[];
  names?: [string, string];
  seed: number;
  replications: number;
  engine: EngineName;
}

let loaded: Loaded;
const leverValues = new Map<string, number>();
let replications = 1;
let seed = 1;
let engine: EngineName = 'heap';
let compare = false;
let fileSource: Source | undefined;
let finished: Finished | undefined;
let generation = 0;
let runs = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let controls: ReturnType<typeof leverControls> | undefined;

/** Replication results by (scenario, engine, replication): moving a lever back, or toggling the comparison, reruns nothing. */
const cache = new Map<string, ReplicationResult>();
/** Bounded by daily rows held (a border-wide year has 7,300 a replication; the baseline 235). */
const CACHE_ROWS = 300_000;
let cachedRows = 0;

// ---- scenarios -----------------------------------------------------------------------------

function bundledSource(name: string): Source | undefined {
  const text = BUNDLED.get(name);
  return text === undefined ? undefined : { key: name, label: `scenarios/${name}.yaml`, text };
}

function load(source: Source): Loaded {
  try {
    const document = parseText(source.label, source.text);
    const published = validateScenarioWith(document, source.label, FACTS);
    return { source, published, levers: leversOf(document) };
  } catch (error) {
    if (error instanceof ScenarioError) return { source, levers: [], error };
    throw error;
  }
}

function fillScenarioPicker(): void {
  const options = [...BUNDLED.keys()].map((name) => new Option(name, name));
  if (fileSource) options.push(new Option(`file: ${fileSource.label}`, fileSource.key));
  ui.scenario.replaceChildren(...options);
  ui.scenario.value = loaded.source.key;
}

/** Switches scenario; lever values, replications and seed come from `state` or the scenario itself. */
function useSource(source: Source, state?: ViewState): void {
  loaded = load(source);
  fillScenarioPicker();
  leverValues.clear();
  const known = new Set(loaded.levers.map((l) => l.key));
  const unknown: string[] = [];
  for (const [key, value] of state?.levers ?? []) (known.has(key) ? leverValues.set(key, value) : unknown.push(key));
  replications = clampReps(state?.replications ?? loaded.published?.replications ?? 1);
  seed = state?.seed ?? loaded.published?.seed ?? 1;
  ui.reps.value = String(replications);
  ui.seed.value = String(seed);
  const s = loaded.published;
  ui.scenarioTitle.textContent = s ? `${s.title ?? s.name}: ${s.days} days from ${s.start}.` : '';
  controls = leverControls(ui.levers, loaded.levers, leverValues, onLeverChange);
  if (unknown.length > 0) ui.scenarioTitle.textContent += ` The link's ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a lever' : 'are not levers'} of this scenario, left out.`;
  // The figures on screen belong to the scenario before: gone, until this one has run.
  finished = undefined;
  ui.figures.replaceChildren();
  ui.charts.replaceChildren();
  ui.summary.replaceChildren();
  ui.reproduce.replaceChildren();
}

const clampReps = (n: number): number => Math.max(1, Math.min(MAX_REPLICATIONS, Math.round(n)));

// ---- changes -------------------------------------------------------------------------------

function onLeverChange(key: string, value: number): void {
  const lever = loaded.levers.find((l) => l.key === key);
  if (!lever) return;
  if (value === lever.published) leverValues.delete(key);
  else leverValues.set(key, value);
  changed();
}

/** Every change: the URL first (a link to what is on screen), then a rerun once the changes pause. */
function changed(immediately = false): void {
  void writeHash();
  clearTimeout(timer);
  if (immediately) void run();
  else timer = setTimeout(() => void run(), DEBOUNCE_MS);
}

function state(): ViewState {
  return {
    scenario: loaded.source.key,
    fileText: loaded.source.key.startsWith('file:') ? loaded.source.text : undefined,
    replications,
    seed,
    engine,
    compare,
    levers: new Map(leverValues),
  };
}

let lastHash = '';
async function writeHash(): Promise<void> {
  const hash = await encodeState(state());
  lastHash = `#${hash}`;
  if (location.hash !== lastHash) history.replaceState(null, '', lastHash);
}

async function applyHash(): Promise<void> {
  const s = await decodeState(location.hash);
  let source: Source | undefined;
  let note = '';
  if (s?.scenario.startsWith('file:')) {
    const label = s.scenario.slice('file:'.length);
    if (s.fileText !== undefined) source = fileSource = { key: s.scenario, label, text: s.fileText };
    else note = `This link names the file ${label}, which is too large to travel in a link (over ${MAX_LINKED_FILE_CHARS.toLocaleString('en')} characters): load it with the file picker.`;
  } else if (s) {
    source = bundledSource(s.scenario);
    if (!source) note = `This link names a scenario "${s.scenario}" that this page does not have; showing ${DEFAULT_SCENARIO}.`;
  }
  source ??= bundledSource(DEFAULT_SCENARIO) as Source;
  engine = s?.engine ?? 'heap';
  compare = s?.compare ?? false;
  ui.engine.value = engine;
  ui.compare.checked = compare;
  useSource(source, source.key === s?.scenario ? s : undefined);
  if (note) ui.scenarioTitle.textContent = `${note} ${ui.scenarioTitle.textContent ?? ''}`;
}

async function readFile(file: File): Promise<void> {
  const label = file.name;
  let text: string;
  if (file.size > MAX_SCENARIO_BYTES) {
    showProblems(new ScenarioError(label, [{ path: '', message: `is ${(file.size / 1048576).toFixed(1)} MB; expected a scenario file of at most ${MAX_SCENARIO_BYTES / 1048576} MB` }]));
    return;
  }
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    showProblems(new ScenarioError(label, [{ path: '', message: 'expected UTF-8 text, found bytes that are not' }]));
    return;
  }
  fileSource = { key: `file:${label}`, label, text };
  useSource(fileSource);
  changed(true);
}

// ---- running -------------------------------------------------------------------------------

function cacheKey(scenario: Scenario, replication: number): string {
  const text = JSON.stringify(scenario);
  return `${engine}/${replication}/${text.length}/${hash53(text)}`;
}

/** cyrb53: a 53-bit string hash, so that keys stay short for large scenarios. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function remember(key: string, result: ReplicationResult): void {
  const old = cache.get(key);
  if (old) cachedRows -= old.daily.length;
  cache.delete(key);
  cache.set(key, result);
  cachedRows += result.daily.length;
  while (cachedRows > CACHE_ROWS && cache.size > 1) {
    const [oldest, evicted] = cache.entries().next().value as [string, ReplicationResult];
    cache.delete(oldest);
    cachedRows -= evicted.daily.length;
  }
}

function setState(value: 'running' | 'done' | 'invalid' | 'failed'): void {
  ui.results.dataset.state = value;
  ui.results.setAttribute('aria-busy', String(value === 'running'));
  for (const button of ui.downloads.querySelectorAll('button')) button.disabled = value !== 'done';
}

function showProblems(error: ScenarioError | undefined, heading = 'The scenario has problems; nothing was run'): void {
  ui.problems.innerHTML = error ? problemsHtml(heading, error) : '';
}

async function run(): Promise<void> {
  const mine = ++generation;
  if (loaded.error) {
    pool.cancel();
    showProblems(loaded.error, `${loaded.source.label} cannot be run`);
    setState('invalid');
    ui.status.textContent = 'Not run: the scenario has problems (listed under the scenario picker).';
    return;
  }
  performance.mark('mppsim:run');
  const edited = editScenario(loaded.source.text, loaded.source.label, loaded.levers, leverValues, { seed, replications }, FACTS, loaded.published);
  if (!edited.scenario) {
    pool.cancel();
    showProblems(edited.error, 'These values make the scenario invalid; nothing was run');
    setState('invalid');
    ui.status.textContent = 'Not run: the edited scenario has problems (listed under the scenario picker); the figures are those of the last valid values.';
    return;
  }
  showProblems(undefined);
  performance.mark('mppsim:validated');
  const settings = { seed, replications };
  const scenario = harmonise(edited.scenario, settings);
  const reference = compare ? harmonise(loaded.published as Scenario, settings) : undefined;
  const variants = reference ? [scenario, reference] : [scenario];
  const keys = variants.map((s) => Array.from({ length: replications }, (_, r) => cacheKey(s, r)));
  // Held here, not only in the cache: a run larger than the cache still has all its results.
  const results: ReplicationResult[][] = variants.map(() => new Array<ReplicationResult>(replications));
  const tasks: ReplicationTask[] = [];
  const slots: [number, number][] = [];
  variants.forEach((s, v) =>
    keys[v].forEach((key, r) => {
      const known = cache.get(key);
      if (known) results[v][r] = known;
      else {
        tasks.push({ scenario: s, replication: r, engine });
        slots.push([v, r]);
      }
    }),
  );
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
      if (mine === generation) progress();
    });
  } catch (error) {
    if (error instanceof CancelledError || mine !== generation) return;
    setState('failed');
    const message = (error as Error).message;
    ui.status.textContent = '';
    ui.problems.innerHTML = problemsHtml(
      (error as { invariant?: boolean }).invariant ? 'A model invariant broke: this is a bug in mppsim; please report it with the scenario file' : 'The simulation failed',
      new ScenarioError(loaded.source.label, [{ path: '', message }]),
    );
    return;
  }
  if (mine !== generation) return;
  const runEdited = variantRun(edited.name, scenario, results[0]);
  const names = comparisonNames(String(loaded.published?.name), edited.name);
  const runReference = reference ? variantRun(names[0], reference, results[1]) : undefined;
  finished = {
    edited,
    run: runEdited,
    reference: runReference,
    comparison: runReference ? comparison(runReference, runEdited) : undefined,
    names: runReference ? names : undefined,
    seed,
    replications,
    engine,
  };
  const seconds = (performance.now() - started) / 1000;
  runs++;
  if (runs === 1) {
    performance.mark('mppsim:first-result');
    document.body.dataset.firstResultMs = String(Math.round(performance.now()));
  }
  ui.results.dataset.runs = String(runs);
  ui.results.dataset.seed = String(seed);
  ui.results.dataset.replications = String(replications);
  ui.progress.value = ui.progress.max;
  const cached = total - tasks.length;
  ui.status.textContent =
    `${total} replication${total === 1 ? '' : 's'}${reference ? ` (${replications} as edited, ${replications} as published)` : ''} in ${seconds.toFixed(2)} s` +
    (cached > 0 ? `, ${cached} of them remembered from before` : '') +
    `, on ${pool.size} worker${pool.size === 1 ? '' : 's'}.`;
  showFinished(finished);
  setState('done');
  await drawCharts(mine);
}

function showFinished(f: Finished): void {
  ui.figures.innerHTML = figuresTableHtml(f.run, f.comparison, f.names);
  summaryTable(ui.summary, f.run.summary);
  const file = `${f.edited.name}.yaml`;
  const publishedFile = loaded.source.label;
  const options = `--seed ${f.seed} --reps ${f.replications}${f.engine === 'heap' ? '' : ` --engine ${f.engine}`}`;
  ui.reproduce.innerHTML =
    `The same figures from the command line: save the scenario as run (as <code>${escape(file)}</code>), then <code>mppsim run ${escape(file)} ${options}</code>` +
    (f.reference ? `; the comparison: <code>mppsim compare ${escape(publishedFile)} ${escape(file)} ${options}</code>.` : '.');
  const comparisonButton = ui.downloads.querySelector<HTMLButtonElement>('[data-download="comparison.csv"]');
  if (comparisonButton) comparisonButton.hidden = !f.comparison;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// ---- charts --------------------------------------------------------------------------------

let drawnWidth = 0;

async function drawCharts(mine: number): Promise<void> {
  const f = finished;
  if (!f) return;
  ui.charts.setAttribute('aria-busy', 'true');
  const charts = await import('./charts.js');
  if (mine !== generation) return;
  const folder = runFolderOf(f.run);
  const definitions = [
    ...(f.comparison && f.names ? [charts.differencesChart(f.comparison, f.names)] : []),
    ...(f.reference ? [charts.queuesByVariantChart([{ name: f.reference.name, folder: runFolderOf(f.reference) }, { name: f.run.name, folder }])] : []),
    ...charts.runCharts(folder),
  ].filter((c) => c !== undefined);
  const width = ui.charts.clientWidth || 760;
  const html: string[] = [];
  for (const definition of definitions) {
    // Between charts, let the page take input (a lever moved meanwhile starts a newer run, and this stops).
    await new Promise((resolve) => setTimeout(resolve));
    if (mine !== generation) return;
    const rendered = await charts.renderFitted(definition, width);
    if (mine !== generation) return;
    html.push(chartFigureHtml(rendered));
  }
  ui.charts.innerHTML = html.join('\n');
  ui.charts.setAttribute('aria-busy', 'false');
  ui.results.dataset.charts = String(runs);
  drawnWidth = width;
}

// ---- downloads -----------------------------------------------------------------------------

function download(name: string): void {
  const f = finished;
  if (!f) return;
  const files: Record<string, () => [string, string, string]> = {
    'summary.csv': () => ['summary.csv', summaryCsvOf(f.run), 'text/csv'],
    'daily.csv': () => ['daily.csv', dailyCsvOf(f.run), 'text/csv'],
    'replications.csv': () => ['replications.csv', replicationsCsvOf(f.run), 'text/csv'],
    'comparison.csv': () => ['comparison.csv', comparisonCsvOf(f.comparison ?? []), 'text/csv'],
    'scenario.yaml': () => [`${f.edited.name}.yaml`, f.edited.text, 'application/yaml'],
    'scenario.json': () => [`${f.edited.name}.json`, f.edited.json, 'application/json'],
  };
  const make = files[name];
  if (!make) return;
  const [fileName, text, type] = make();
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---- wiring --------------------------------------------------------------------------------

function wire(): void {
  ui.scenario.addEventListener('change', () => {
    const key = ui.scenario.value;
    const source = key.startsWith('file:') ? fileSource : bundledSource(key);
    if (!source) return;
    useSource(source);
    changed(true);
  });
  ui.file.addEventListener('change', () => {
    const file = ui.file.files?.[0];
    if (file) void readFile(file);
    ui.file.value = '';
  });
  ui.reps.addEventListener('input', () => {
    const n = Number(ui.reps.value);
    if (ui.reps.value === '' || !Number.isInteger(n) || n < 1 || n > MAX_REPLICATIONS) return;
    replications = n;
    changed();
  });
  ui.seed.addEventListener('input', () => {
    const n = Number(ui.seed.value);
    if (ui.seed.value === '' || !Number.isInteger(n) || n < 0 || n > 2 ** 32 - 1) return;
    seed = n;
    changed();
  });
  ui.engine.addEventListener('change', () => {
    engine = ui.engine.value === 'simjs' ? 'simjs' : 'heap';
    changed(true);
  });
  ui.compare.addEventListener('change', () => {
    compare = ui.compare.checked;
    changed(true);
  });
  ui.reset.addEventListener('click', () => {
    leverValues.clear();
    controls?.reset();
    changed(true);
  });
  ui.downloads.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-download]');
    if (button && !button.disabled) download(button.dataset.download as string);
  });
  window.addEventListener('hashchange', () => {
    if (location.hash === lastHash) return;
    void applyHash().then(() => changed(true));
  });
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (finished && Math.abs((ui.charts.clientWidth || 0) - drawnWidth) > 40) void drawCharts(generation);
    }, 300);
  });
}

wire();
await applyHash();
changed(true);
