// Run history: every run in the file, newest first, with what it stored and what it cost.
import { append, h } from '../dom.js';
import { facets, link } from '../app.js';
import { dataTable } from '../table.js';
import { num, usd, when } from '../format.js';

/** Priced conversations are summed; unpriced ones are counted beside the sum, never added as $0. */
function runCost(r) {
  if (!r.unpriced_conversations) return usd(r.agent_cost_usd);
  if (r.agent_cost_usd === null) return `unknown (${num(r.unpriced_conversations)} unpriced)`;
  return `${usd(r.agent_cost_usd)} + ${num(r.unpriced_conversations)} unpriced`;
}

export async function runsPage(view, params) {
  const db = params.get('db') ?? '0';
  // Each run is diffed against the run that started before it (facets list runs newest first).
  const order = (await facets(db)).runs.map((r) => r.run_id);
  const previous = (id) => { const i = order.indexOf(id); return i < 0 ? undefined : order[i + 1]; };
  const columns = [
    { label: 'Run', sort: 'run', cell: (r) => h('a', { href: link('conversations', { db, run: r.run_id }) }, r.run_id) },
    { label: 'Suite', sort: 'suite', cell: (r) => r.suite_name },
    { label: 'Status', sort: 'status', cell: (r) => r.status },
    { label: 'Started', sort: 'started', cell: (r) => when(r.started_at) },
    { label: 'Finished', sort: 'finished', cell: (r) => when(r.finished_at) },
    { label: 'Planned', sort: 'planned', num: true, cell: (r) => num(r.planned_cells) },
    { label: 'Stored', sort: 'stored', num: true, cell: (r) => num(r.stored) },
    { label: 'Failed', sort: 'failed', num: true, cell: (r) => (r.failed ? h('a', { href: link('conversations', { db, run: r.run_id, status: 'failed' }), class: 'err' }, num(r.failed)) : '0') },
    { label: 'Models', cell: (r) => r.models ?? '–' },
    { label: 'Agent cost', sort: 'cost', num: true, title: 'priced conversations only; unpriced ones are counted apart', cell: (r) => runCost(r) },
    { label: 'Shard', cell: (r) => r.shard ?? '' },
    { label: 'Code', cell: (r) => r.code_version },
    { label: '', cell: (r) => (previous(r.run_id) ? h('a', { href: link('diff', { a: db, b: db, runA: previous(r.run_id), runB: r.run_id }), class: 'diff-previous' }, 'diff with the run before') : '') },
  ];
  const table = await dataTable({ endpoint: 'runs', params, page: 'runs', columns });
  append(view, h('h1', null, 'Runs'), table.node);
}
