import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { reportHtml } from '../../src/render/html.js';
import type { RenderedChart } from '../../src/render/items.js';

const chart = (id: string, status: RenderedChart['status'], extra: Partial<RenderedChart> = {}): RenderedChart => ({
  kind: 'chart', id, status, rowCount: 1,
  meta: { title: `Title ${id} <b>`, section: 'overview', description: 'desc', audience: 'everyone', order: 1 },
  ...extra,
});

describe('reportHtml', () => {
  const html = reportHtml({
    title: 'T', generatedAt: 'now', subtitle: 'sub', headlines: [{ title: 'H', items: [{ label: 'L <i>', text: '1 (95% CI 0–2; n = 3)' }] }],
    items: [
      chart('drawn', 'rendered', { svg: '<svg class="marks"></svg>', spec: { mark: 'point', data: { values: [{ s: '</script><script>x()</script>' }] } } }),
      chart('empty', 'no-data', { note: 'table aggregates does not exist yet' }),
    ],
    transcriptsHtml: '<p>transcripts</p>',
    bundles: [{ name: 'fake', source: 'window.vegaEmbed = function () { return Promise.resolve(); };' }],
  });

  test('every inline script is admitted by a CSP hash and nothing else is', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!.replace(/&#39;/g, "'");
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts.length).toBe(3);
    for (const s of scripts) expect(csp).toContain(`'sha256-${createHash('sha256').update(s).digest('base64')}'`);
    expect(csp).not.toContain("'unsafe-inline' 'unsafe-eval'");
    expect(csp).toMatch(/^default-src 'none'; script-src 'sha256-/);
  });

  test('charts with data get a static SVG and an interactive container; charts without say so', () => {
    expect(html).toContain('<figure class="chart" id="chart-drawn" data-status="rendered">');
    expect(html).toContain('<div class="vega-target" id="vis-drawn"></div>');
    expect(html).toContain('No data yet: table aggregates does not exist yet');
    expect(html).not.toContain('id="vis-empty"');
    expect(html).toContain('Title drawn &lt;b&gt;');
    expect(html).toContain('<strong>L &lt;i&gt;</strong>');
  });

  test('the embedded spec cannot break out of its JSON block', () => {
    expect(html).not.toContain('</script><script>x()');
    expect(html).toContain('\\u003c/script\\u003e\\u003cscript\\u003ex()');
  });

  test('without bundles there is no interactive section and no vega script', () => {
    const plain = reportHtml({ title: 'T', generatedAt: 'now', subtitle: '', headlines: [], items: [chart('drawn', 'rendered', { svg: '<svg></svg>', spec: {} })], transcriptsHtml: '', bundles: [] });
    expect(plain).not.toContain('vegaEmbed(');
    expect(plain).toContain('data-vega="none"');
  });
});
