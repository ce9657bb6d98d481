// The conversation list: filters, sortable columns, server-side paging, CSV of every matching row.
import { append, h } from '../dom.js';
import { link } from '../app.js';
import { dataTable } from '../table.js';
import { ms, scoreValue, short, usd, when } from '../format.js';
import { filterBar } from './filters.js';

export const statusBadge = (s) => h('span', { class: `status status-${s === 'done' ? 'done' : 'failed'}` }, s);

export async function conversationsPage(view, params) {
  const db = params.get('db') ?? '0';
  const metric = params.get('metric');
  const columns = [
    { label: 'Scenario', sort: 'scenario', cell: (r) => h('a', { href: link('conversation', { db, cell: r.cell_key }), class: 'open' }, r.scenario_id) },
    { label: 'Approach', sort: 'approach', cell: (r) => r.approach },
    { label: 'Variant', sort: 'variant', cell: (r) => `${r.variant_set}/${r.variant_id}` },
    { label: 'Persona group', sort: 'group', cell: (r) => r.persona_group },
    { label: 'Model', sort: 'model', cell: (r) => r.model },
    { label: 'Arm', sort: 'arm', cell: (r) => r.arm },
    { label: 'Epoch', sort: 'epoch', num: true, cell: (r) => String(r.epoch) },
    { label: 'Status', sort: 'status', cell: (r) => statusBadge(r.status) },
    ...(metric ? [{ label: metric, sort: 'value', num: true, cell: (r) => scoreValue(r.metric_value) }] : []),
    { label: 'End', sort: 'end', cell: (r) => r.end_reason },
    { label: 'Turns', sort: 'turns', num: true, cell: (r) => String(r.n_turns) },
    { label: 'Handle time', sort: 'handle_ms', num: true, cell: (r) => ms(r.handle_time_ms) },
    { label: 'Agent cost', sort: 'cost', num: true, cell: (r) => usd(r.agent_cost_usd), title: 'unknown = a call had no known price' },
    { label: 'Error', cell: (r) => (r.error_message ? h('span', { class: 'err', title: r.error_message }, short(r.error_message, 80)) : '') },
    { label: 'Started', sort: 'started', cell: (r) => when(r.started_at) },
    { label: '', cell: (r) => h('a', { href: link('compare', { db, approach: r.approach, scenario: r.scenario_id, variantSet: r.variant_set, variantId: r.variant_id, epoch: r.epoch }), class: 'arms' }, 'arms side by side') },
  ];
  const [bar, table] = await Promise.all([
    filterBar('conversations', params),
    dataTable({ endpoint: 'conversations', params, page: 'conversations', columns, rowClass: (r) => (r.status === 'done' ? null : 'failed') }),
  ]);
  append(view, h('h1', null, 'Conversations'), bar, table.node);
}
