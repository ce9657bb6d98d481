import { describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY, MAX_PAGE_TABLE_ROWS, reportHtml } from '../../src/render/html.js';
import type { DecisionPage } from '../../src/render/decision.js';
import type { RenderedChart, RenderedTable } from '../../src/render/items.js';

const meta = { title: 'Title <b>', section: 'overview' as const, description: 'desc', audience: 'everyone' as const, order: 1, placement: 'page' as const };
const chart = (id: string, status: RenderedChart['status'], extra: Partial<RenderedChart> = {}): RenderedChart => ({ kind: 'chart', id, status, rowCount: 1, meta, ...extra });
const table = (id: string, n: number): RenderedTable => ({
  kind: 'table', id, status: 'rendered', meta: { ...meta, section: 'researchers', inMarkdown: false, columns: {} },
  rows: Array.from({ length: n }, (_x, i) => ({ k: `row <${i}>` })),
});
const c = { text: '1.0% [0.1–2.0]' };
const decision: DecisionPage = { managers: [], governance: [{ model: 'm <b>', baseline: false, bias: c, disclosure: c, falseHuman: c, honestAsked: c, leak: c, overexposure: c, manipulation: c }], flagged: ['x <i>flag</i>'], instruments: [], exports: [{ id: 'big', title: 'Big', rows: 99, csv: 'tables/big.csv', parquet: 'tables/big.parquet' }], fileCharts: [{ id: 'more', title: 'More' }], notes: [], viewerCommand: 'npx cxbench view out/cxbench.duckdb' };

describe('reportHtml', () => {
  const html = reportHtml({
    title: 'T', generatedAt: 'now', subtitle: 'sub <s>', decision,
    headlines: [{ title: 'H', items: [{ label: 'L <i>', text: '1 (95% CI 0–2; n = 3)' }] }],
    items: [chart('drawn', 'rendered', { svg: '<svg class="marks"></svg>' }), chart('empty', 'no-data', { note: 'table aggregates does not exist yet' }), table('small', 3), table('big', MAX_PAGE_TABLE_ROWS + 1)],
    tableFiles: { big: { csv: 'tables/big.csv', parquet: 'tables/big.parquet' }, small: { csv: 'tables/small.csv' } },
  });

  test('runs no script at all, and says so in its CSP', () => {
    expect(html).not.toMatch(/<script/i);
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'; script-src 'none';/);
    expect(html).toContain(`content="default-src &#39;none&#39;; script-src &#39;none&#39;;`);
  });

  test('the decision page comes first, then charts, then the summary in words', () => {
    const at = (s: string): number => html.indexOf(s);
    expect(at('id="decision-managers"')).toBeGreaterThan(0);
    expect(at('id="decision-managers"')).toBeLessThan(at('id="decision-governance"'));
    expect(at('id="decision-researchers"')).toBeLessThan(at('id="section-overview"'));
    expect(at('id="section-overview"')).toBeLessThan(at('id="section-summary"'));
  });

  test('charts draw once (no second copy); charts without data say so', () => {
    expect(html.match(/<svg class="marks">/g)).toHaveLength(1);
    expect(html).toContain('<h3>Not in this database</h3><ul class="compact no-data-list"><li id="chart-empty" data-status="no-data"><strong>Title &lt;b&gt;</strong>: table aggregates does not exist yet</li></ul>');
    expect(html).toContain('Title &lt;b&gt;');
    expect(html).toContain('<strong>L &lt;i&gt;</strong>');
    expect(html).toContain('x &lt;i&gt;flag&lt;/i&gt;');
    expect(html).toContain('<strong>m &lt;b&gt;</strong>');
  });

  test('a long table is a link to its CSV and Parquet, a short one is printed with its file', () => {
    expect(html).toContain(`${MAX_PAGE_TABLE_ROWS + 1} rows: too many to read here. Full table: <a href="tables/big.csv">CSV</a> · <a href="tables/big.parquet">Parquet</a>`);
    expect(html).not.toContain('row &lt;30&gt;');
    expect(html).toContain('row &lt;2&gt;');
    expect(html).toContain('Also as <a href="tables/small.csv">CSV</a>.');
    expect(html).toContain('<code>npx cxbench view out/cxbench.duckdb</code>');
    expect(html).toContain('<a href="charts/more.svg">SVG</a>');
  });
});
