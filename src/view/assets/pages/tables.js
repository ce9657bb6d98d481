// Every table of the file (analysis outputs included): filter per column, sort, page, download as CSV.
import { api } from '../api.js';
import { append, h } from '../dom.js';
import { go, link } from '../app.js';
import { dataTable, fmt } from '../table.js';

export async function tablesPage(view, params) {
  const db = params.get('db') ?? '0';
  const tables = await api('tables', { db });
  const name = params.get('name');
  const list = h('nav', { class: 'table-list' }, tables.map((t) => h('a', { href: link('tables', { db, name: t.name }), class: t.name === name ? 'active' : null }, t.name, t.kind === 'view' ? ' (view)' : '')));
  append(view, h('h1', null, 'Tables'), list);
  const table = tables.find((t) => t.name === name);
  if (!table) { append(view, h('p', { class: 'muted' }, 'Pick a table. Numeric columns filter by comparison (> 0.5, <= 3, = 1, null); text columns by a substring.')); return; }
  const setFilter = (col, v) => { const n = new URLSearchParams(params); if (v) n.set(`f.${col}`, v); else n.delete(`f.${col}`); n.delete('page'); go('tables', n); };
  const filters = h('form', { class: 'filters column-filters', on: { submit: (e) => e.preventDefault() } }, table.columns.map((c) => h('label', null, c.name, ' ',
    h('input', { type: 'search', name: `f.${c.name}`, value: params.get(`f.${c.name}`) ?? '', placeholder: /CHAR|VARCHAR|TEXT/.test(c.type) ? 'contains' : '> 0', on: { change: (e) => setFilter(c.name, e.target.value.trim()) } }))));
  const columns = table.columns.map((c) => ({ key: c.name, label: c.name, sort: c.name, num: !/CHAR|TEXT|BOOL/.test(c.type), title: c.type, cell: (r) => fmt(r[c.name]) }));
  const q = new URLSearchParams(params);
  q.set('db', db);
  const t = await dataTable({ endpoint: 'table', params: q, page: 'tables', columns });
  append(view, h('h2', null, name), filters, t.node);
}
