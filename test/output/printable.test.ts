// Text a scenario supplies is shown, not obeyed, on a terminal (issue 11 item 15).

import { describe, expect, it } from 'vitest';
import { printable } from '../../src/output/index.js';

describe('printable', () => {
  it('escapes C0, DEL and C1 controls, keeps tab, newline and ordinary text', () => {
    expect(printable('red \u001b[31mtitle\u001b[0m')).toBe('red \\u001b[31mtitle\\u001b[0m');
    expect(printable('a\rb\u0007c\u007fd\u009be')).toBe('a\\u000db\\u0007c\\u007fd\\u009be');
    expect(printable('tab\tnewline\nÉl Paso – ok')).toBe('tab\tnewline\nÉl Paso – ok');
  });

  it('escapes the bidirectional overrides that reorder what is shown', () => {
    expect(printable('cap \u202e05\u202c')).toBe('cap \\u202e05\\u202c');
    expect(printable('\u2066x\u2069')).toBe('\\u2066x\\u2069');
  });
});
