// One conversation: its turns, its scores with evidence linked to the turns they cite, and every model call with
// tokens, latency and cost (an unknown price reads "unknown"; audited transcripts record no latency).
import { api } from '../api.js';
import { append, h, marked } from '../dom.js';
import { link } from '../app.js';
import { ms, num, scoreValue, usd, when } from '../format.js';
import { statusBadge } from './conversations.js';

function showTurn(idx) {
  const el = document.getElementById(`turn-${idx}`);
  if (!el) return;
  for (const x of document.querySelectorAll('li.msg.cited')) x.classList.remove('cited');
  el.classList.add('cited');
  el.scrollIntoView({ block: 'center' });
}

function callsTable(calls, audited) {
  // Unknown (NULL) tokens or latency stay unknown in the totals too: a sum over an unknown part is not a number.
  const totals = { input: 0, output: 0, latency: 0, cost: 0, unpriced: 0, unknownTokens: 0, unknownLatency: 0 };
  const tokens = (v) => (v === null || v === undefined ? 'unknown' : audited && !v ? 'not recorded' : num(v));
  const rows = calls.map((c) => {
    if (c.input_tokens === null || c.output_tokens === null) totals.unknownTokens++; else { totals.input += c.input_tokens; totals.output += c.output_tokens; }
    if (c.latency_ms === null) totals.unknownLatency++; else totals.latency += c.latency_ms;
    if (c.cost_usd === null) totals.unpriced++; else totals.cost += c.cost_usd;
    return h('tr', { class: c.error ? 'failed' : null },
      h('td', { class: 'num' }, String(c.idx)), h('td', null, c.role), h('td', null, c.model),
      h('td', { class: 'num' }, tokens(c.input_tokens)), h('td', { class: 'num' }, tokens(c.output_tokens)),
      h('td', { class: 'num' }, `${num(c.cache_read_tokens)} / ${num(c.cache_write_tokens)}`), h('td', { class: 'num' }, num(c.reasoning_tokens)),
      h('td', { class: 'num' }, c.latency_ms === null || (audited && c.role === 'agent') ? 'not measured' : ms(c.latency_ms)),
      h('td', { class: 'num cost' }, usd(c.cost_usd)), h('td', null, c.price_source),
      h('td', null, [c.cached ? 'cached' : '', c.is_batch ? 'batch' : ''].filter(Boolean).join(', ')),
      h('td', { class: 'num' }, String(c.retries)), h('td', { class: 'err' }, c.error ?? ''));
  });
  const costTotal = !totals.unpriced ? usd(totals.cost)
    : totals.unpriced === calls.length ? 'unknown (no call has a known price)'
      : `unknown (${totals.unpriced} of ${calls.length} calls unpriced; the priced ones ${usd(totals.cost)})`;
  return h('table', { class: 'data calls' },
    h('thead', null, h('tr', null, ['#', 'Role', 'Model', 'Input tokens', 'Output tokens', 'Cache read / write', 'Reasoning', 'Latency', 'Cost', 'Price source', '', 'Retries', 'Error'].map((t) => h('th', null, t)))),
    h('tbody', null, rows),
    h('tfoot', null, h('tr', null, h('th', { colspan: 3 }, `${calls.length} calls`),
      h('td', { class: 'num' }, totals.unknownTokens ? `unknown (${totals.unknownTokens} of ${calls.length} calls)` : num(totals.input)),
      h('td', { class: 'num' }, totals.unknownTokens ? 'unknown' : num(totals.output)),
      h('td', null, ''), h('td', null, ''), h('td', { class: 'num' }, audited || totals.unknownLatency ? 'not measured' : ms(totals.latency)), h('td', { class: 'num cost total' }, costTotal), h('td', { colspan: 4 }, ''))));
}

export async function transcriptPage(view, params) {
  const db = params.get('db') ?? '0';
  const t = await api('conversation', { db, cell: params.get('cell') });
  const c = t.conversation;
  const audited = c.arm === 'audit';
  // Which scores cite each turn, and the quotes to mark in it.
  const citing = new Map();
  for (const s of t.scores) for (const e of s.evidence) if (Number.isInteger(e.turn)) {
    const list = citing.get(e.turn) ?? [];
    list.push({ metric: s.metric, quote: e.quote });
    citing.set(e.turn, list);
  }
  const turns = t.turns.map((m) => {
    const cites = citing.get(m.idx) ?? [];
    return h('li', { class: `msg ${m.speaker}`, id: `turn-${m.idx}`, 'data-idx': m.idx },
      h('span', { class: 'speaker' }, `${m.idx} · ${m.speaker}`, m.tool_name ? ` (${m.tool_name})` : ''),
      h('div', { class: 'text' }, marked(m.text, cites.map((x) => x.quote))),
      m.tool_calls.map((tc) => h('div', { class: 'tool-call' }, h('span', { class: 'tool-name' }, `calls ${tc.name}`), h('code', null, tc.args_json))),
      cites.length ? h('div', { class: 'cited-by' }, 'cited by: ', [...new Set(cites.map((x) => x.metric))].map((mtr) => h('span', { class: 'tag' }, mtr))) : null);
  });
  const evidenceItem = (e) => h('li', null,
    Number.isInteger(e.turn)
      ? h('a', { href: '#', class: 'turn-link', 'data-turn': e.turn, on: { click: (ev) => { ev.preventDefault(); showTurn(e.turn); } } }, `turn ${e.turn}`)
      : h('span', { class: 'muted' }, 'no turn'),
    e.quote ? [' ', h('q', null, e.quote)] : null, e.factId ? ` fact ${e.factId}` : null, e.note ? h('span', { class: 'note' }, ` ${e.note}`) : null);
  const scores = h('table', { class: 'data scores' },
    h('thead', null, h('tr', null, ['Metric', 'Value', 'Explanation', 'Evidence', 'Evaluator'].map((x) => h('th', null, x)))),
    h('tbody', null, t.scores.map((s) => h('tr', { 'data-metric': s.metric },
      h('td', { title: s.metric }, s.title ?? s.metric, h('br'), h('small', null, s.metric)),
      h('td', { class: 'num' }, scoreValue(s.value)),
      h('td', null, s.explanation),
      h('td', null, s.evidenceRaw ? h('code', null, s.evidenceRaw) : h('ul', { class: 'evidence' }, s.evidence.map(evidenceItem))),
      h('td', null, h('small', null, s.evaluator))))));
  const facts = [
    ['Run', t.run ? `${c.run_id} (${t.run.suite_name})` : c.run_id], ['Approach', `${c.approach} (${c.stage})`], ['Scenario', `${c.scenario_id}@${c.scenario_version}`],
    ['Persona variant', `${c.variant_set}/${c.variant_id} · ${c.persona_group}${c.is_reference ? ' (reference)' : ''}`], ['Model', `${c.model} (${c.arm})`],
    ['Epoch', String(c.epoch)], ['End', c.end_reason], ['Turns', String(c.n_turns)], ['Handle time', audited ? 'not measured' : ms(c.handle_time_ms)],
    ['Agent cost', usd(c.agent_cost_usd)], ['Finished', when(c.finished_at)], ['Cell key', c.cell_key],
  ];
  append(view, 
    h('p', null, h('a', { href: link('conversations', { db }) }, '‹ Conversations'), ' · ',
      h('a', { href: link('compare', { db, approach: c.approach, scenario: c.scenario_id, variantSet: c.variant_set, variantId: c.variant_id, epoch: c.epoch }), class: 'arms' }, 'this scenario’s arms side by side')),
    h('h1', null, h('span', { class: 'scenario' }, c.scenario_id), ' ', statusBadge(c.status)),
    c.error_message ? h('p', { class: 'err error-message' }, c.error_message) : null,
    h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
    t.siblings.length ? h('p', null, 'Same scenario, variant and epoch: ', t.siblings.map((s) => [h('a', { href: link('conversation', { db, cell: s.cell_key }) }, `${s.model} (${s.status})`), ' '])) : null,
    h('div', { class: 'transcript' },
      h('section', { class: 'turns-col' }, h('h2', null, 'Turns'), h('ol', { class: 'turns' }, turns)),
      h('section', { class: 'scores-col' }, h('h2', null, `Scores (${t.scores.length})`), h('div', { class: 'scroll' }, scores))),
    h('h2', null, 'Model calls'), h('div', { class: 'scroll' }, callsTable(t.calls, audited)));
}
