// The what-if page's levers and edited scenario, in Node: every lever of every bundled scenario edits
// the field it names, keeps the file's comments, and the edited text validates as `mppsim run` reads it.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFacts, parseText, validateScenarioWith } from '../../src/scenario/index.js';
import { editScenario } from '../../web/src/edited-scenario.js';
import { leversOf, spreadDepartures } from '../../web/src/levers.js';
import { bundledScenarios } from '../support/cli.js';

const facts = loadFacts();
const SEATS = 'busRoutes.tucson-el-paso.seatsPerBus';

function get(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], value);
}

describe('what-if levers', () => {
  it('spread departures evenly from the first published one', () => {
    expect(spreadDepartures('07:00', 1)).toEqual(['07:00']);
    expect(spreadDepartures('07:00', 2)).toEqual(['07:00', '19:00']);
    expect(spreadDepartures('08:30', 3)).toEqual(['00:30', '08:30', '16:30']);
  });

  for (const file of bundledScenarios()) {
    it(`${basename(file)}: each lever edits its own fields, comments kept, and the text validates`, () => {
      const text = readFileSync(file, 'utf8');
      const document = parseText(file, text);
      const published = validateScenarioWith(document, file, facts);
      const levers = leversOf(document);
      expect(levers.map((l) => l.key)).toContain('arrivalScale');
      expect(new Set(levers.map((l) => l.key)).size).toBe(levers.length);
      const settings = { seed: published.seed, replications: published.replications };

      // Unchanged: the published text itself, under its own name.
      const same = editScenario(text, file, levers, new Map(), settings, facts, published);
      expect(same.text).toBe(text);
      expect(same.edited).toBe(false);

      const comments = text.split('\n').filter((l) => /^\s*#/.test(l)).length;
      for (const lever of levers) {
        const value = lever.key === 'arrivalScale' ? 2 : Math.min(lever.max, lever.published + 1);
        const edited = editScenario(text, file, levers, new Map([[lever.key, value]]), settings, facts, published);
        expect(edited.error?.message, lever.key).toBeUndefined();
        expect(edited.name).toBe(`${published.name}-what-if`);
        expect(edited.text.split('\n').filter((l) => /^\s*#/.test(l)).length).toBeGreaterThanOrEqual(comments);
        // The text offered for download reads back to the scenario the page ran.
        expect(validateScenarioWith(parseText('edited.yaml', edited.text), 'edited.yaml', facts)).toEqual(edited.scenario);
        expect(JSON.parse(edited.json)).toEqual(parseText('edited.yaml', edited.text));
        for (const edit of lever.edits(value)) expect(get(edited.scenario, edit.path), `${lever.key}: ${edit.path.join('.')}`).toEqual(edit.value);
      }
    });
  }

  it('arrival scale multiplies every monthly, daily and period rate', () => {
    const file = bundledScenarios().find((f) => f.endsWith('baseline-tucson-el-paso.yaml')) as string;
    const text = readFileSync(file, 'utf8');
    const document = parseText(file, text);
    const levers = leversOf(document);
    const edited = editScenario(text, file, levers, new Map([['arrivalScale', 1.5]]), { seed: 7, replications: 3 }, facts);
    const before = validateScenarioWith(document, file, facts);
    for (const [id, sector] of Object.entries(edited.scenario?.sectors ?? {})) {
      for (const [month, people] of Object.entries(sector.arrivals?.monthly ?? {})) {
        expect(people).toBeCloseTo((before.sectors[id].arrivals?.monthly?.[month] ?? NaN) * 1.5, 3);
      }
    }
    expect(edited.scenario?.seed).toBe(7);
    expect(edited.scenario?.replications).toBe(3);
    expect(edited.text).toContain('mppsim run baseline-tucson-el-paso-what-if.yaml --seed 7 --reps 3');
  });

  it('an edit that breaks the scenario is reported as the command line reports it', () => {
    const file = bundledScenarios().find((f) => f.endsWith('baseline-tucson-el-paso.yaml')) as string;
    const text = readFileSync(file, 'utf8');
    const levers = leversOf(parseText(file, text));
    const edited = editScenario(text, 'baseline.yaml', levers, new Map([['busRoutes.tucson-el-paso.seatsPerBus', 2]]), { seed: 1, replications: 1 }, facts);
    expect(edited.scenario).toBeUndefined();
    expect(edited.error?.message).toMatch(/^baseline\.yaml \(as edited\): busRoutes\.tucson-el-paso\.seatsPerBus: /);
  });
});

describe('citations of edited values', () => {
  const file = bundledScenarios().find((f) => f.endsWith('baseline-tucson-el-paso.yaml')) as string;
  const text = readFileSync(file, 'utf8');
  const levers = leversOf(parseText(file, text));
  const citation = (edited: { text: string }, key: string): unknown => (parseText('edited.yaml', edited.text) as { citations: Record<string, unknown> }).citations[key];

  it('say the value was edited from the published one and what the cited source gave', () => {
    const edited = editScenario(text, file, levers, new Map([[SEATS, 60]]), { seed: 1, replications: 2 }, facts);
    expect(edited.error?.message).toBeUndefined();
    expect(citation(edited, SEATS)).toEqual({
      fact: 'bus-people-per-bus',
      note:
        'edited on the what-if page from 50 to 60 (seats); the cited source gave 50 people per bus (about) (bus-people-per-bus, Nov 2019). ' +
        'Published note: about 50 people per bus; a 45 ft motorcoach seats up to 60 (motorcoach-seats-45ft)',
    });
    // Citations of fields left alone are as published.
    expect(citation(edited, 'busRoutes.tucson-el-paso.busesPerDeparture')).toEqual({ fact: 'bus-buses-per-day' });
  });

  it('an assumption says it was edited, and arrival scaling marks the monthly rates it scaled', () => {
    const edited = editScenario(text, file, levers, new Map([['busRoutes.tucson-el-paso.departuresPerDay', 2], ['arrivalScale', 1.5]]), { seed: 1, replications: 2 }, facts);
    expect(edited.error?.message).toBeUndefined();
    expect(citation(edited, 'busRoutes.tucson-el-paso.departures')).toEqual({
      assumption: 'edited on the what-if page from 1 to 2 (departures); the published value was an assumption: a morning departure; the reported timetable is not known',
    });
    expect(citation(edited, 'sectors.tucson.arrivals.monthly')).toMatchObject({ fact: 'dhs-usbp-monthly-by-sector-fy2019-fy2021' });
    expect((citation(edited, 'sectors.tucson.arrivals.monthly') as { note: string }).note).toMatch(/^edited on the what-if page: the published values × 1\.5; the cited source gave /);
  });
});
