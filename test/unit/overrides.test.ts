// Field-path edits never reach an object's prototype: issue 11 item 14.

import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/experiment/errors.js';
import { applyOverrides, parseAssignment, parsePath } from '../../src/experiment/overrides.js';

const document = { ports: { 'del-rio': { dailyCap: 50 } } };

describe('overrides', () => {
  it.each(['__proto__.polluted=1', 'constructor.prototype.polluted=1', 'ports.del-rio.__proto__.polluted=1'])('refuses %s and pollutes nothing', (text) => {
    expect(() => parseAssignment(text)).toThrow(UsageError);
    expect(() => applyOverrides(document, [{ path: text.split('=')[0].split('.'), value: 1 }])).toThrow(UsageError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('follows own fields only', () => {
    expect(() => applyOverrides(document, [parseAssignment('ports.toString.length=1')])).toThrow('the scenario has no ports.toString');
    expect(applyOverrides(document, [parseAssignment('ports.del-rio.dailyCap=3')])).toEqual({ ports: { 'del-rio': { dailyCap: 3 } } });
  });

  it('reads list positions as [0] or .0, and refuses brackets around anything else', () => {
    expect(parsePath('screenings.s.officers[0].count')).toEqual(['screenings', 's', 'officers', '0', 'count']);
    expect(parsePath('a[2][01].b')).toEqual(['a', '2', '1', 'b']);
    expect(parsePath('a.0.b')).toEqual(['a', '0', 'b']);
    expect(() => parsePath('ports[del-rio].dailyCap')).toThrow('with list positions as [0] or .0, got "ports[del-rio]"');
    expect(() => parsePath('a[0]x')).toThrow(UsageError);
    expect(() => parsePath('__proto__[0].polluted')).toThrow('"__proto__" cannot be a field name');
  });
});
