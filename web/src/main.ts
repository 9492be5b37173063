// The what-if page: pick a scenario, move its levers, and the model reruns in module workers. The
// page edits the scenario document, validates it as the command line does, runs replications with
// the CLI's seeds and summarises them with the CLI's code, so its figures and downloads are the CLI's.
// This file wires the page's events to its parts: page-state, scenario-sources, runner,
// results-view and downloads.

// First, so that the workers start loading while the rest of the page is evaluated.
import './start-workers.js';
import { download } from './downloads.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { clampReps, MAX_REPLICATIONS, page, ui } from './page-state.js';
import { clearResults, redrawIfResized, showProblems } from './results-view.js';
import { withinRange } from './page-limits.js';
import { run } from './runner.js';
import { fileSourceOf } from './picked-file.js';
import { BUNDLED, bundledSource, DEFAULT_SCENARIO, load, type Source } from './scenario-sources.js';
import { decodeState, encodeState, MAX_LINKED_FILE_CHARS, type ViewState } from './url-state.js';
import { leverControls } from './view.js';

performance.mark('mppsim:script');
const DEBOUNCE_MS = 250;

function fillScenarioPicker(): void {
  const options = [...BUNDLED.keys()].map((name) => new Option(name, name));
  if (page.fileSource) options.push(new Option(`file: ${page.fileSource.label}`, page.fileSource.key));
  ui.scenario.replaceChildren(...options);
  ui.scenario.value = page.loaded.source.key;
}

/** Switches scenario; lever values, replications and seed come from `state` or the scenario itself. */
function useSource(source: Source, state?: ViewState): void {
  const loaded = (page.loaded = load(source));
  fillScenarioPicker();
  page.leverValues.clear();
  const unknown: string[] = [];
  for (const [key, value] of state?.levers ?? []) {
    const lever = loaded.levers.find((l) => l.key === key);
    if (lever) page.leverValues.set(key, withinRange(value, lever.min, lever.max));
    else unknown.push(key);
  }
  page.replications = clampReps(state?.replications ?? loaded.published?.replications ?? 1);
  page.seed = state?.seed ?? loaded.published?.seed ?? 1;
  ui.reps.value = String(page.replications);
  ui.seed.value = String(page.seed);
  const s = loaded.published;
  ui.scenarioTitle.textContent = s ? `${s.title ?? s.name}: ${s.days} days from ${s.start}.` : '';
  page.controls = leverControls(ui.levers, loaded.levers, page.leverValues, onLeverChange);
  if (unknown.length > 0) ui.scenarioTitle.textContent += ` The link's ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a lever' : 'are not levers'} of this scenario, left out.`;
  clearResults();
}

function onLeverChange(key: string, value: number): void {
  const lever = page.loaded.levers.find((l) => l.key === key);
  if (!lever) return;
  if (value === lever.published) page.leverValues.delete(key);
  else page.leverValues.set(key, value);
  changed();
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Every change: the URL first (a link to what is on screen), then a rerun once the changes pause. */
function changed(immediately = false): void {
  void writeHash();
  clearTimeout(timer);
  if (immediately) void run();
  else timer = setTimeout(() => void run(), DEBOUNCE_MS);
}

let lastHash = '';
async function writeHash(): Promise<void> {
  const hash = await encodeState(page.viewState());
  lastHash = `#${hash}`;
  if (location.hash !== lastHash) history.replaceState(null, '', lastHash);
}

async function applyHash(): Promise<void> {
  const s = await decodeState(location.hash);
  let source: Source | undefined;
  let note = '';
  if (s?.scenario.startsWith('file:')) {
    const label = s.scenario.slice('file:'.length);
    if (s.fileText !== undefined) source = page.fileSource = { key: s.scenario, label, text: s.fileText };
    else note = `This link names the file ${label}, which is too large to travel in a link (over ${MAX_LINKED_FILE_CHARS.toLocaleString('en')} characters): load it with the file picker.`;
  } else if (s) {
    source = bundledSource(s.scenario);
    if (!source) note = `This link names a scenario "${s.scenario}" that this page does not have; showing ${DEFAULT_SCENARIO}.`;
  }
  source ??= bundledSource(DEFAULT_SCENARIO) as Source;
  page.engine = s?.engine ?? 'heap';
  page.compare = s?.compare ?? false;
  ui.engine.value = page.engine;
  ui.compare.checked = page.compare;
  useSource(source, source.key === s?.scenario ? s : undefined);
  if (note) ui.scenarioTitle.textContent = `${note} ${ui.scenarioTitle.textContent ?? ''}`;
}

async function readFile(file: File): Promise<void> {
  const source = await fileSourceOf(file);
  if (source instanceof ScenarioError) return showProblems(source);
  page.fileSource = source;
  useSource(source);
  changed(true);
}

/** A whole number in [min, max] typed into a box, or undefined while it is not one (the value stays). */
function typedWhole(input: HTMLInputElement, min: number, max: number): number | undefined {
  const n = Number(input.value);
  return input.value === '' || !Number.isInteger(n) || n < min || n > max ? undefined : n;
}

function wire(): void {
  ui.scenario.addEventListener('change', () => {
    const key = ui.scenario.value;
    const source = key.startsWith('file:') ? page.fileSource : bundledSource(key);
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
    const n = typedWhole(ui.reps, 1, MAX_REPLICATIONS);
    if (n === undefined) return;
    page.replications = n;
    changed();
  });
  ui.seed.addEventListener('input', () => {
    const n = typedWhole(ui.seed, 0, 2 ** 32 - 1);
    if (n === undefined) return;
    page.seed = n;
    changed();
  });
  ui.engine.addEventListener('change', () => {
    page.engine = ui.engine.value === 'simjs' ? 'simjs' : 'heap';
    changed(true);
  });
  ui.compare.addEventListener('change', () => {
    page.compare = ui.compare.checked;
    changed(true);
  });
  ui.reset.addEventListener('click', () => {
    page.leverValues.clear();
    page.controls?.reset();
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
    resizeTimer = setTimeout(redrawIfResized, 300);
  });
}

wire();
await applyHash();
changed(true);
