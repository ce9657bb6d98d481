import { describe, expect, it } from 'vitest';
import { select, selectOne } from '../../src/agents/json-path.js';
import { renderText, renderValue } from '../../src/agents/template.js';

describe('templates', () => {
  const vars = { message: 'Hi "there"', history: [{ role: 'customer', text: 'x' }], persona: { firstName: 'Ana' }, turn: 2 };
  it('a whole-value placeholder keeps the value; inside text it becomes text; missing values are empty or null', () => {
    expect(renderValue({ h: '{{history}}', m: 'said: {{ message }}', t: '{{turn}}', n: '{{persona.age}}', s: 'a {{persona.age}}b', k: [1, '{{persona.firstName}}'] }, vars))
      .toEqual({ h: vars.history, m: 'said: Hi "there"', t: 2, n: null, s: 'a b', k: [1, 'Ana'] });
  });
  it('URL placeholders are encoded', () => {
    expect(renderText('http://x/c/{{message}}', vars, encodeURIComponent)).toBe('http://x/c/Hi%20%22there%22');
  });
});

describe('JSON paths', () => {
  const reply = { data: { parts: [{ t: 'a' }, { t: 'b' }, { u: 1 }], usage: { in: 5 } }, list: [[1, 2], [3]] };
  it('dots, indexes and wildcards', () => {
    expect(select(reply, 'data.parts[*].t')).toEqual(['a', 'b']);
    expect(selectOne(reply, 'data.parts[1].t')).toBe('b');
    expect(selectOne(reply, '$.data.usage.in')).toBe(5);
    expect(select(reply, 'list[*][*]')).toEqual([1, 2, 3]);
    expect(select(reply, 'data.missing.x')).toEqual([]);
    expect(select(reply, 'data.parts[9]')).toEqual([]);
  });
  it('refuses what is not a path', () => {
    expect(() => select(reply, 'data.parts[x]')).toThrow(/not a JSON path/);
  });
});
