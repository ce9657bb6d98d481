import { describe, expect, test } from 'vitest';
import { escapeHtml, escapeMarkdown, safeIdPart } from '../../src/render/escape.js';

describe('escaping untrusted text', () => {
  test('HTML text and attributes', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });

  test('id fragments keep only safe characters', () => {
    expect(safeIdPart('abc-1_2')).toBe('abc-1_2');
    expect(safeIdPart('a"><script>')).toBe('a___script_');
  });

  test('Markdown neutralises HTML, links, emphasis and table pipes', () => {
    expect(escapeMarkdown('<b>x</b> | [a](javascript:1) *y*\nz')).toBe('&lt;b&gt;x&lt;/b&gt; \\| \\[a\\](javascript:1) \\*y\\* z');
    expect(escapeMarkdown('<!-- c --> <img src=x> &lt; &amp;')).toBe('&lt;!-- c --&gt; &lt;img src=x&gt; &amp;lt; &amp;amp;');
  });

  test('Markdown keeps comparisons written with spaces readable (p < 0.05, not p &lt; 0.05)', () => {
    expect(escapeMarkdown('Holm p < 0.05; n > 4; A & B; p <0.001')).toBe('Holm p < 0.05; n > 4; A & B; p <0.001');
    expect(escapeMarkdown('> quoted')).toBe('&gt; quoted');
  });
});
