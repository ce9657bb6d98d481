// A sortable, paged table over a table endpoint of the API: sorting, paging and filters are request parameters
// (the server pages with SQL; the browser holds one page). The CSV link downloads every matching row.
import { api, apiUrl } from './api.js';
import { h } from './dom.js';
import { go } from './app.js';
import { num } from './format.js';

/**
 * columns: [{ key, label, sort?: sortKey, num?: bool, cell?: (row) => node|string, title?: string }]
 * page/params: the hash page and its parameters (sort, dir, page, limit live there too).
 */
export async function dataTable({ endpoint, params, page, columns, rowClass, caption }) {
  const query = new URLSearchParams(params);
  const data = await api(endpoint, query);
  const sort = query.get('sort');
  const dir = query.get('dir') ?? 'asc';
  const nav = (changes) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) { if (v === null) next.delete(k); else next.set(k, String(v)); }
    go(page, next);
  };
  const head = h('tr', null, columns.map((c) => {
    if (!c.sort) return h('th', { title: c.title, class: c.num ? 'num' : null }, c.label);
    const active = sort === c.sort;
    const nextDir = active && dir === 'asc' ? 'desc' : 'asc';
    return h('th', { class: c.num ? 'num' : null, 'aria-sort': active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none', title: c.title },
      h('button', { type: 'button', class: 'sort', 'data-sort': c.sort, on: { click: () => nav({ sort: c.sort, dir: nextDir, page: 0 }) } },
        c.label, active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''));
  }));
  const body = data.rows.map((r) => h('tr', { class: rowClass ? rowClass(r) : null },
    columns.map((c) => h('td', { class: c.num ? 'num' : null }, c.cell ? c.cell(r) : fmt(r[c.key])))));
  const first = data.total === 0 ? 0 : data.page * data.limit + 1;
  const last = Math.min(data.total, (data.page + 1) * data.limit);
  const pages = Math.max(1, Math.ceil(data.total / data.limit));
  const csvParams = new URLSearchParams(params);
  csvParams.delete('page'); csvParams.delete('limit'); csvParams.set('format', 'csv');
  const pager = h('div', { class: 'pager' },
    h('span', { class: 'count', 'data-total': data.total }, `${num(first)}–${num(last)} of ${num(data.total)}`),
    h('button', { type: 'button', disabled: data.page === 0, on: { click: () => nav({ page: data.page - 1 }) } }, '‹ Previous'),
    h('span', null, `page ${data.page + 1} of ${num(pages)}`),
    h('button', { type: 'button', disabled: data.page + 1 >= pages, on: { click: () => nav({ page: data.page + 1 }) } }, 'Next ›'),
    h('label', null, 'rows ', h('select', { on: { change: (e) => nav({ limit: e.target.value, page: 0 }) } },
      [25, 50, 100, 250, 500].map((n) => h('option', { value: n, selected: n === data.limit }, n)))),
    h('a', { class: 'csv', href: apiUrl(endpoint, csvParams), download: `${endpoint}.csv` }, 'Download CSV (all rows)'));
  const table = h('table', { class: 'data' }, caption ? h('caption', null, caption) : null, h('thead', null, head), h('tbody', null, body));
  return { node: h('div', { class: 'table-wrap' }, pager, h('div', { class: 'scroll' }, table)), data };
}

export function fmt(v) {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'number') return num(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
