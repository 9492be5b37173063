// The view in the URL's hash: scenario, levers that differ from the published values, replications,
// seed, engine and the comparison toggle; a scenario loaded from a file travels in the hash too,
// deflated, so a link reproduces the view wherever it is opened.

import type { EngineName } from '../../src/engine/calendar.js';

export interface ViewState {
  /** A bundled scenario's name, or "file:NAME" for one loaded from a file. */
  scenario: string;
  /** The loaded file's text (file scenarios only). */
  fileText?: string;
  replications?: number;
  seed?: number;
  engine: EngineName;
  compare: boolean;
  levers: Map<string, number>;
}

const RESERVED = new Set(['scenario', 'file', 'reps', 'seed', 'engine', 'compare']);
/** Larger files are left out of links (a link still names them; the page asks for the file). */
export const MAX_LINKED_FILE_CHARS = 200_000;

export async function encodeState(state: ViewState): Promise<string> {
  const params = new URLSearchParams();
  params.set('scenario', state.scenario);
  if (state.fileText !== undefined && state.fileText.length <= MAX_LINKED_FILE_CHARS) params.set('file', await deflate(state.fileText));
  if (state.replications !== undefined) params.set('reps', String(state.replications));
  if (state.seed !== undefined) params.set('seed', String(state.seed));
  if (state.engine !== 'heap') params.set('engine', state.engine);
  if (state.compare) params.set('compare', '1');
  for (const [key, value] of state.levers) params.set(key, String(value));
  return params.toString();
}

export async function decodeState(hash: string): Promise<ViewState | undefined> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const scenario = params.get('scenario');
  if (!scenario) return undefined;
  const whole = (name: string): number | undefined => {
    const value = Number(params.get(name) ?? NaN);
    return Number.isInteger(value) && value >= 0 ? value : undefined;
  };
  const levers = new Map<string, number>();
  for (const [key, value] of params) {
    if (RESERVED.has(key)) continue;
    const n = Number(value);
    if (value !== '' && Number.isFinite(n)) levers.set(key, n);
  }
  const file = params.get('file');
  let fileText: string | undefined;
  if (file) {
    try {
      fileText = await inflate(file);
    } catch {
      fileText = undefined;
    }
  }
  return {
    scenario,
    fileText,
    replications: whole('reps'),
    seed: whole('seed'),
    engine: params.get('engine') === 'simjs' ? 'simjs' : 'heap',
    compare: params.get('compare') === '1',
    levers,
  };
}

async function deflate(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A linked file inflates to at most this many bytes (its characters, in UTF-8 at worst): a crafted link cannot inflate without bound. */
export const MAX_LINKED_FILE_BYTES = 4 * MAX_LINKED_FILE_CHARS;

async function inflate(encoded: string): Promise<string> {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > MAX_LINKED_FILE_BYTES) {
      await reader.cancel();
      throw new RangeError(`the linked file inflates past ${MAX_LINKED_FILE_BYTES} bytes`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(all);
}
