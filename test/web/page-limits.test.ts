// The what-if page applies the command line's size limits to whatever it is asked to run (issue 11
// item 16): a crafted link cannot inflate without bound, lever values stay in their range, and a run
// too large for a browser tab is refused before it starts.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { PAGE_MAX_PEOPLE, pageLimitProblem, withinRange } from '../../web/src/page-limits.js';
import { MAX_LINKED_FILE_BYTES, decodeState, encodeState } from '../../web/src/url-state.js';
import { ROOT } from '../support/cli.js';

async function deflated(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

describe('page limits', () => {
  it('a link whose file inflates past the limit carries no file (10 million lines from a few kilobytes)', async () => {
    const bomb = await deflated('a\n'.repeat(10_000_000));
    expect(bomb.length).toBeLessThan(60_000);
    const state = await decodeState(`#scenario=file:x.yaml&file=${bomb}`);
    expect(state?.fileText).toBeUndefined();
    // A file within the limit still travels.
    const small = await encodeState({ scenario: 'file:y.yaml', fileText: 'name: y\n', engine: 'heap', compare: false, levers: new Map() });
    expect((await decodeState(`#${small}`))?.fileText).toBe('name: y\n');
    expect(MAX_LINKED_FILE_BYTES).toBeGreaterThan(200_000);
  });

  it('refuses a run too large for the page, and says how large it is', () => {
    const s = loadScenario(join(ROOT, 'scenarios/southwest-border-fy2019.yaml'));
    expect(pageLimitProblem([s], 2)).toBeUndefined();
    const hundredfold = { ...s, sectors: Object.fromEntries(Object.entries(s.sectors).map(([id, sector]) => [id, sector.arrivals ? { ...sector, arrivals: { ...sector.arrivals, monthly: Object.fromEntries(Object.entries(sector.arrivals.monthly ?? {}).map(([m, n]) => [m, n * 100])) } } : sector])) };
    expect(pageLimitProblem([hundredfold], 200)).toMatch(/would simulate about [\d.]+ million people \(1 variant\(s\) x 200 replication\(s\)\); the page runs at most 20 million/);
    expect(PAGE_MAX_PEOPLE).toBe(20_000_000);
    expect(pageLimitProblem([{ ...s, days: 5000 }], 1)).toMatch(/a horizon of 5,000 days/);
  });

  it('holds a lever value from a link to the lever\'s range', () => {
    expect(withinRange(1e10, 1, 48)).toBe(48);
    expect(withinRange(-5, 0, 10)).toBe(0);
    expect(withinRange(7, 0, 10)).toBe(7);
  });
});
