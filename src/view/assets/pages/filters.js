// The filter bar shared by the conversation list and the grid: each control rewrites the hash (page resets to 0).
import { h, select } from '../dom.js';
import { facets, go } from '../app.js';

export const STATUS_OPTIONS = [['failed', 'failed (any error)'], 'done', 'agent-error', 'infra-error', 'local-error'];
const OPS = [['eq', '='], ['ne', '≠'], ['lt', '<'], ['le', '≤'], ['gt', '>'], ['ge', '≥'], ['null', 'not scorable'], ['notnull', 'scored']];

export async function filterBar(page, params, { metricFilter = true } = {}) {
  const f = await facets(params.get('db'));
  const set = (name, value) => {
    const next = new URLSearchParams(params);
    if (value === '' || value === undefined) next.delete(name); else next.set(name, value);
    if (name === 'metric' && !value) { next.delete('op'); next.delete('value'); }
    next.delete('page');
    go(page, next);
  };
  const pick = (name, label, options, any = 'any') => h('label', null, label, ' ',
    select(name, options, params.get(name) ?? '', any, { change: (e) => set(name, e.target.value) }));
  const text = (name, label, placeholder) => h('label', null, label, ' ', h('input', {
    name, type: 'search', value: params.get(name) ?? '', placeholder,
    on: { change: (e) => set(name, e.target.value.trim()) },
  }));
  const controls = [
    pick('run', 'Run', f.runs.map((r) => [r.run_id, `${r.run_id} (${r.suite_name}, ${r.status})`]), 'all runs'),
    pick('approach', 'Approach', f.approaches),
    pick('model', 'Model', f.models),
    pick('arm', 'Arm', f.arms),
    pick('status', 'Status', STATUS_OPTIONS),
    pick('group', 'Persona group', f.groups),
    pick('variantSet', 'Variant set', f.variantSets),
    text('q', 'Text', 'in messages, errors, scenario ids'),
  ];
  if (metricFilter) {
    const metric = params.get('metric') ?? '';
    controls.push(h('span', { class: 'metric-filter' },
      pick('metric', 'Metric', f.metrics.map((m) => [m.metric, m.title ? `${m.title} (${m.metric})` : m.metric]), 'none'),
      metric ? pick('op', 'is', OPS, 'any value') : null,
      metric && params.get('op') && !['null', 'notnull'].includes(params.get('op')) ? h('label', null, 'value ', h('input', {
        name: 'value', type: 'number', step: 'any', value: params.get('value') ?? '', on: { change: (e) => set('value', e.target.value) },
      })) : null));
  }
  const keep = new URLSearchParams({ ...(params.get('db') ? { db: params.get('db') } : {}) });
  const preset = (label, values) => h('button', { type: 'button', class: 'preset', on: { click: () => go(page, new URLSearchParams({ ...Object.fromEntries(keep), ...values })) } }, label);
  const presets = h('div', { class: 'presets' }, 'Quick: ',
    preset('Failed conversations', { status: 'failed' }),
    f.metrics.some((m) => m.metric === 'resolution.resolved') ? preset('Unresolved', { metric: 'resolution.resolved', op: 'eq', value: '0' }) : null,
    f.metrics.some((m) => m.metric === 'safety.critical_failure') ? preset('Critical failures', { metric: 'safety.critical_failure', op: 'eq', value: '1' }) : null,
    preset('Clear filters', {}));
  return h('form', { class: 'filters', on: { submit: (e) => e.preventDefault() } }, h('div', { class: 'controls' }, controls), presets);
}
