import { describe, expect, test } from 'vitest';
import { conversationAnchor, escapeHtml, escapeMarkdown, inlineScriptText, jsonForScript } from '../../src/render/escape.js';

describe('escaping untrusted text', () => {
  test('HTML text and attributes', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });

  test('JSON inside <script type="application/json"> cannot close the block and round-trips', () => {
    const value = { s: '</script><script>alert(1)</script><!-- & \u2028' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  test('inlined bundles cannot end our script tag', () => {
    expect(inlineScriptText('a="</script>";b="</SCRIPT >"')).toBe('a="<\\/script>";b="<\\/SCRIPT >"');
    expect(inlineScriptText(inlineScriptText('</script'))).toBe('<\\/script');
  });

  test('conversation anchors keep only safe id characters', () => {
    expect(conversationAnchor('abc123')).toBe('conv-abc123');
    expect(conversationAnchor('a"><script>')).toBe('conv-a___script_');
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
