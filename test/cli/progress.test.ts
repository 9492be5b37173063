// The terminal progress: the header at once, then a bar whose ETA is the completed replications'
// average time times those left. Driven with a fake clock (vitest's timers) and a fake terminal (the real one shows
// only on a TTY and never under CI).

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { etaText, terminalProgress } from '../../src/cli/progress.js';
import { searchHeader } from '../../src/cli/search-progress.js';

describe('etaText', () => {
  it('is the average time of the completed replications times those left', () => {
    expect(etaText(0, 50, 3_000)).toBe('estimating…');
    expect(etaText(10, 50, 10_000)).toBe('40s'); // 1 s each, 40 left
    expect(etaText(7, 50, 7_000)).toBe('43s');
    expect(etaText(5, 50, 30_000)).toBe('4m30s'); // 6 s each, 45 left
    expect(etaText(1, 1000, 12_000)).toBe('3h19m'); // 11,988 s
    expect(etaText(50, 50, 60_000)).toBe('0s');
  });
});

/** Enough of a TTY stream for cli-progress, keeping what was written. */
function fakeTerminal(): { stream: NodeJS.WriteStream; text: () => string } {
  const written: string[] = [];
  const stream = {
    isTTY: true,
    columns: 120,
    write: (chunk: string) => written.push(chunk) > 0,
    cursorTo: () => true,
    moveCursor: () => true,
    clearLine: () => true,
    clearScreenDown: () => true,
    on: () => stream,
    removeListener: () => stream,
  };
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => written.join('') };
}

describe('terminalProgress', () => {
  beforeEach(() => {
    vi.stubEnv('CI', '');
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('prints the header at once and an ETA from the completed replications, advancing per replication', () => {
    const terminal = fakeTerminal();
    const progress = terminalProgress('run', { quiet: false, header: 'run southwest: 50 replications on 2 workers', stream: terminal.stream });
    expect(terminal.text()).toBe('run southwest: 50 replications on 2 workers\n');
    vi.advanceTimersByTime(2_000);
    progress.update(1, 50); // 2 s for one: 98 s for the 49 left
    expect(terminal.text()).toContain('1/50 replications | ETA 1m38s');
    vi.advanceTimersByTime(2_000);
    progress.update(2, 50);
    vi.advanceTimersByTime(200); // cli-progress redraws on its own timer
    expect(terminal.text()).toContain('2/50 replications | ETA 1m36s');
    progress.stop();
  });

  it("follows a search's total as it grows (a candidate too close to call gets more replications)", () => {
    const terminal = fakeTerminal();
    const progress = terminalProgress('size', { quiet: false, stream: terminal.stream });
    vi.advanceTimersByTime(1_000);
    progress.update(10, 20);
    vi.advanceTimersByTime(1_000);
    progress.update(25, 30);
    vi.advanceTimersByTime(200);
    expect(terminal.text()).toContain('25/30 replications');
    progress.stop();
  });

  it('shows nothing under CI or with --quiet', () => {
    const terminal = fakeTerminal();
    terminalProgress('run', { quiet: true, header: 'run x', stream: terminal.stream }).update(1, 2);
    vi.stubEnv('CI', 'true');
    terminalProgress('run', { quiet: false, header: 'run x', stream: terminal.stream }).update(1, 2);
    expect(terminal.text()).toBe('');
  });
});

describe('searchHeader', () => {
  it('says what a search runs: the scenario, the parameter and how, replications a candidate, threads', () => {
    expect(searchHeader('size', { scenario: 'scenarios/del-rio-cap.yaml', reps: 3, workers: 2 }, 'ports.x.dailyCap=40..200 by bisection')).toBe('size del-rio-cap: ports.x.dailyCap=40..200 by bisection, 3 replications a candidate on 2 workers');
    expect(searchHeader('calibrate', { scenario: 'a.json', workers: 1 }, 'fitting f by coordinate search')).toBe("calibrate a: fitting f by coordinate search, the scenario's replications a candidate on 1 worker");
  });
});
