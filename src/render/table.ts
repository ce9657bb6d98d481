import type { ColumnFormat, TableMeta } from './definitions.js';
import { escapeHtml, escapeMarkdown } from './escape.js';
import { formatCell } from './format.js';
import type { Row } from './query.js';

interface Column { key: string; label: string; format: ColumnFormat }

function columnsOf(meta: Pick<TableMeta, 'columns'>, rows: Row[]): Column[] {
  const keys = Object.keys(rows[0] ?? {});
  return keys.map((key) => ({ key, label: meta.columns[key]?.label ?? key, format: meta.columns[key]?.format ?? 'text' }));
}

const NUMERIC: ReadonlySet<ColumnFormat> = new Set(['int', 'num', 'pct', 'usd', 'p', 'ms']);

/** An escaped HTML table: every label and cell is text (nothing from a row becomes a link or markup). */
export function tableHtml(meta: Pick<TableMeta, 'columns'>, rows: Row[]): string {
  const cols = columnsOf(meta, rows);
  const head = cols.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`).join('');
  const body = rows.map((row) => {
    const cells = cols.map((c) => `<td${NUMERIC.has(c.format) ? ' class="num"' : ''}>${escapeHtml(formatCell(row[c.key] ?? null, c.format))}</td>`);
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${body.join('\n')}</tbody></table></div>`;
}

export function tableMarkdown(meta: Pick<TableMeta, 'columns'>, rows: Row[]): string {
  const cols = columnsOf(meta, rows);
  if (cols.length === 0) return '';
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [
    line(cols.map((c) => escapeMarkdown(c.label))),
    line(cols.map((c) => (NUMERIC.has(c.format) ? '---:' : '---'))),
    ...rows.map((r) => line(cols.map((c) => escapeMarkdown(formatCell(r[c.key] ?? null, c.format))))),
  ].join('\n');
}
