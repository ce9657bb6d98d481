// Scenario × agent: one row per scenario, one column per model; a cell summarises that model's conversations on it
// and opens the arms side by side.
import { api } from '../api.js';
import { append, h, select } from '../dom.js';
import { facets, go, link } from '../app.js';
import { num } from '../format.js';
import { filterBar } from './filters.js';

export async function gridPage(view, params) {
  const db = params.get('db') ?? '0';
  const f = await facets(db);
  const show = params.get('show') ?? (f.metrics.some((m) => m.metric === 'resolution.resolved') ? 'resolution.resolved' : f.metrics[0]?.metric ?? '');
  const q = new URLSearchParams(params);
  if (show) q.set('show', show);
  const [bar, grid] = await Promise.all([filterBar('grid', params, { metricFilter: false }), api('grid', q)]);
  const nav = (k, v) => { const n = new URLSearchParams(params); if (v === '' || v === null) n.delete(k); else n.set(k, String(v)); go('grid', n); };
  const showPick = h('label', null, 'Cell shows the mean of ', select('show', f.metrics.map((m) => [m.metric, m.title ? `${m.title} (${m.metric})` : m.metric]), show, undefined, { change: (e) => nav('show', e.target.value) }));
  const head = h('tr', null, h('th', null, 'Scenario'), h('th', null, 'Approach'), grid.models.map((m) => h('th', { class: 'num' }, m.model, h('br'), h('small', null, m.arm))));
  const rows = grid.rows.map((r) => h('tr', null,
    h('th', { scope: 'row' }, h('a', { href: link('compare', { db, approach: r.approach, scenario: r.scenario_id, ...(params.get('run') ? { run: params.get('run') } : {}) }), class: 'scenario' }, r.scenario_id)),
    h('td', null, r.approach),
    grid.models.map((m) => {
      const c = r.cells[m.model];
      if (!c) return h('td', { class: 'num empty' }, '–');
      return h('td', { class: `num${c.failed ? ' has-failed' : ''}` },
        h('a', { href: link('compare', { db, approach: r.approach, scenario: r.scenario_id }), title: `${c.n} conversations, ${c.failed} failed, ${c.n_scored} scored` },
          c.n_scored ? num(c.mean) : 'not scorable'),
        h('small', null, ` n=${c.n}`), c.failed ? h('small', { class: 'err' }, ` ${c.failed} failed`) : null);
    })));
  const pages = Math.max(1, Math.ceil(grid.total / grid.limit));
  const pager = h('div', { class: 'pager' }, h('span', { class: 'count' }, `${num(grid.total)} scenarios`),
    h('button', { type: 'button', disabled: grid.page === 0, on: { click: () => nav('page', grid.page - 1) } }, '‹ Previous'),
    h('span', null, `page ${grid.page + 1} of ${pages}`),
    h('button', { type: 'button', disabled: grid.page + 1 >= pages, on: { click: () => nav('page', grid.page + 1) } }, 'Next ›'));
  append(view, h('h1', null, 'Scenario × agent'), bar, h('p', null, showPick), pager,
    h('div', { class: 'scroll' }, h('table', { class: 'data grid' }, h('thead', null, head), h('tbody', null, rows))));
}
