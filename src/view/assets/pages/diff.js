// A row-level diff of two runs or two files: for each cell, what changed in status, scores and the final reply.
import { append, h, select } from '../dom.js';
import { facets, go, link, state } from '../app.js';
import { dataTable } from '../table.js';
import { num, scoreValue, short } from '../format.js';
import { statusBadge } from './conversations.js';

const CHANGE_LABELS = [['changed', 'Any change'], ['status', 'Status'], ['scores', 'Scores'], ['reply', 'Final reply'], ['only-a', 'Only in A'], ['only-b', 'Only in B'], ['same', 'Unchanged'], ['all', 'All']];

export async function diffPage(view, params) {
  const a = params.get('a') ?? '0';
  const b = params.get('b') ?? (state.files.length > 1 ? '1' : '0');
  const [fa, fb] = await Promise.all([facets(a), facets(b)]);
  const set = (k, v) => { const n = new URLSearchParams(params); n.set('a', a); n.set('b', b); if (v === '') n.delete(k); else n.set(k, v); if (k === 'a') n.delete('runA'); if (k === 'b') n.delete('runB'); n.delete('page'); go('diff', n); };
  const files = state.files.map((f) => [String(f.index), `${f.index + 1}: ${f.label}`]);
  const runs = (f) => f.runs.map((r) => [r.run_id, `${r.run_id} (${r.suite_name})`]);
  const side = (label, fileKey, runKey, fileVal, f) => h('fieldset', { class: `side side-${label.toLowerCase()}` }, h('legend', null, label),
    files.length > 1 ? h('label', null, 'File ', select(fileKey, files, fileVal, undefined, { change: (e) => set(fileKey, e.target.value) })) : null,
    h('label', null, 'Run ', select(runKey, runs(f), params.get(runKey) ?? '', 'all runs (latest per cell)', { change: (e) => set(runKey, e.target.value) })));
  const form = h('form', { class: 'filters diff-sides', on: { submit: (e) => e.preventDefault() } }, side('A', 'a', 'runA', a, fa), side('B', 'b', 'runB', b, fb),
    h('label', null, 'Approach ', select('approach', fa.approaches, params.get('approach') ?? '', 'any', { change: (e) => set('approach', e.target.value) })),
    h('label', null, 'Model ', select('model', fa.models, params.get('model') ?? '', 'any', { change: (e) => set('model', e.target.value) })),
    h('label', { title: 'handle time and other millisecond metrics differ on every rerun' }, h('input', {
      type: 'checkbox', name: 'timing', checked: params.get('timing') === 'include', on: { change: (e) => set('timing', e.target.checked ? 'include' : '') },
    }), ' compare timing metrics (ms) too'));
  append(view, h('h1', null, 'Diff'), form);
  if (a === b && (params.get('runA') ?? '') === (params.get('runB') ?? '')) {
    append(view, h('p', { class: 'muted' }, 'Choose a different run or file for A or B to compare them cell by cell.'));
    return;
  }
  const q = new URLSearchParams(params);
  q.set('a', a); q.set('b', b);
  const change = q.get('change') ?? 'changed';
  const columns = [
    { label: 'Scenario', sort: 'scenario', cell: (r) => h('span', { class: 'scenario' }, r.scenario_id) },
    { label: 'Approach', sort: 'approach', cell: (r) => r.approach },
    { label: 'Variant', sort: 'variant', cell: (r) => `${r.variant_set}/${r.variant_id}` },
    { label: 'Model', sort: 'model', cell: (r) => r.model },
    { label: 'Epoch', sort: 'epoch', num: true, cell: (r) => String(r.epoch) },
    { label: 'Status A → B', sort: 'status_a', cell: (r) => [r.status_a ? statusBadge(r.status_a) : '–', ' → ', r.status_b ? statusBadge(r.status_b) : '–'] },
    { label: 'Score changes', sort: 'scores', cell: (r) => (r.n_score_changes ? h('details', null, h('summary', null, `${r.n_score_changes} metric${r.n_score_changes > 1 ? 's' : ''}`),
      h('ul', { class: 'score-changes' }, (r.score_changes ?? []).map((s) => h('li', null, h('code', null, s.metric), `: ${s.in_a ? scoreValue(s.a) : 'absent'} → ${s.in_b ? scoreValue(s.b) : 'absent'}`)),
        r.n_score_changes > (r.score_changes ?? []).length ? h('li', null, `… open the transcripts for the rest`) : null)) : '') },
    { label: 'Final reply A', cell: (r) => (r.reply_changed ? h('div', { class: 'reply reply-a' }, short(r.reply_a ?? '', 300)) : r.key_a && r.key_b ? h('span', { class: 'muted' }, 'same') : '') },
    { label: 'Final reply B', cell: (r) => (r.reply_changed ? h('div', { class: 'reply reply-b' }, short(r.reply_b ?? '', 300)) : '') },
    { label: 'Transcripts', cell: (r) => [r.key_a ? h('a', { href: link('conversation', { db: a, cell: r.key_a }) }, 'A') : null, ' ', r.key_b ? h('a', { href: link('conversation', { db: b, cell: r.key_b }) }, 'B') : null, r.key_a && r.key_b && !r.same_key ? h('small', { class: 'muted', title: 'same cell identity, different cell key: settings, prompt or scenario version changed' }, ' (keys differ)') : null] },
  ];
  const table = await dataTable({ endpoint: 'diff', params: q, page: 'diff', columns });
  const counts = table.data.counts ?? {};
  const tabs = h('div', { class: 'tabs', role: 'tablist' }, CHANGE_LABELS.map(([k, label]) => h('a', {
    href: link('diff', Object.fromEntries([...q, ['change', k], ['page', '']])), class: k === change ? 'active' : null, role: 'tab', 'data-change': k,
  }, `${label} (${num(counts[k] ?? 0)})`)));
  append(view, tabs, table.node);
}
