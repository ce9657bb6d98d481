import { describe, expect, test } from 'vitest';
import { tableHtml, tableMarkdown } from '../../src/render/table.js';

const meta = { columns: { rate: { label: 'resolved <rate>', format: 'pct' as const } } };

describe('tables', () => {
  test('HTML tables escape labels and cells, format numbers and make no links from row data', () => {
    const html = tableHtml(meta, [{ scenario: '<img src=x onerror=alert(1)>', rate: 0.5, href: 'javascript:alert(1)' }]);
    expect(html).toContain('<th scope="col">resolved &lt;rate&gt;</th>');
    expect(html).toContain('<td>&lt;img src=x onerror=alert(1)&gt;</td>');
    expect(html).toContain('<td class="num">50.0%</td>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<a ');
  });
  test('Markdown tables escape pipes and markup and right-align numbers', () => {
    expect(tableMarkdown(meta, [{ scenario: 'a|b <i>', rate: 0.25 }])).toBe(
      '| scenario | resolved &lt;rate&gt; |\n| --- | ---: |\n| a\\|b &lt;i&gt; | 25.0% |');
  });
});
