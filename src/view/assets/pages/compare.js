// One scenario's arms side by side: the same persona variant and epoch, each model's conversation in its own column.
import { api } from '../api.js';
import { append, h, select } from '../dom.js';
import { go, link } from '../app.js';
import { scoreValue, usd } from '../format.js';
import { statusBadge } from './conversations.js';

const KEY_METRICS = ['resolution.resolved', 'safety.critical_failure', 'halluc.any', 'transparency.false_human_claim', 'manipulation.any', 'empathy.lex', 'cost.agent_usd'];

export async function comparePage(view, params) {
  const db = params.get('db') ?? '0';
  const data = await api('compare', params);
  const nav = (changes) => { const n = new URLSearchParams(params); for (const [k, v] of Object.entries(changes)) n.set(k, String(v)); go('compare', n); };
  const variantKey = (v) => `${v.variant_set}/${v.variant_id}`;
  const chosenKey = `${data.chosen.variantSet}/${data.chosen.variantId}`;
  const current = data.variants.find((v) => variantKey(v) === chosenKey);
  const pickers = h('div', { class: 'controls' },
    h('label', null, 'Persona variant ', select('variant', data.variants.map((v) => [variantKey(v), `${variantKey(v)} (${v.persona_group})`]), chosenKey, undefined, {
      change: (e) => { const [set, ...id] = e.target.value.split('/'); nav({ variantSet: set, variantId: id.join('/'), epoch: 0 }); },
    })),
    h('label', null, 'Epoch ', select('epoch', (current?.epochs ?? [0]).map(String), String(data.chosen.epoch), undefined, { change: (e) => nav({ epoch: e.target.value }) })));
  const arms = data.arms.map((arm) => {
    const c = arm.conversation;
    const key = arm.scores.filter((s) => KEY_METRICS.includes(s.metric));
    return h('section', { class: 'arm', 'data-model': c.model, 'data-arm': c.arm },
      h('h2', null, c.model, ' ', h('small', null, c.arm)),
      h('p', null, statusBadge(c.status), ' ', h('a', { href: link('conversation', { db, cell: c.cell_key }) }, 'full transcript'), ` · agent cost ${usd(c.agent_cost_usd)}`),
      c.error_message ? h('p', { class: 'err' }, c.error_message) : null,
      h('dl', { class: 'scores' }, key.map((s) => [h('dt', { title: s.metric }, s.title ?? s.metric), h('dd', null, scoreValue(s.value))])),
      h('ol', { class: 'turns' }, arm.turns.map((t) => h('li', { class: `msg ${t.speaker}` },
        h('span', { class: 'speaker' }, t.speaker, t.tool_name ? ` (${t.tool_name})` : ''),
        h('div', { class: 'text' }, t.text)))));
  });
  append(view, 
    h('p', null, h('a', { href: link('grid', { db }) }, '‹ Scenario × agent')),
    h('h1', null, 'Arms side by side: ', h('span', { class: 'scenario' }, params.get('scenario')), ' ', h('small', null, params.get('approach'))),
    pickers,
    data.arms.length ? h('div', { class: 'arms', style: null }, arms) : h('p', { class: 'muted' }, 'No conversation for this variant and epoch.'));
}
