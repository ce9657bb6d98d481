// Hash routing: #/<page>?<params>. All page state lives in the hash, so links, the back button and reloads keep it.
import { api } from './api.js';
import { clear, h } from './dom.js';
import { runsPage } from './pages/runs.js';
import { conversationsPage } from './pages/conversations.js';
import { gridPage } from './pages/grid.js';
import { comparePage } from './pages/compare.js';
import { transcriptPage } from './pages/transcript.js';
import { diffPage } from './pages/diff.js';
import { tablesPage } from './pages/tables.js';

const PAGES = {
  runs: runsPage, conversations: conversationsPage, grid: gridPage, compare: comparePage,
  conversation: transcriptPage, diff: diffPage, tables: tablesPage,
};
const NAV_OF = { compare: 'grid', conversation: 'conversations' };

export const state = { files: [], facets: new Map() };

export function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [page, query] = raw.split('?');
  return { page: PAGES[page] ? page : 'runs', params: new URLSearchParams(query ?? '') };
}

/** The hash for a page and its parameters (empty values dropped). */
export function link(page, params) {
  const q = new URLSearchParams();
  for (const [k, v] of params instanceof URLSearchParams ? params : Object.entries(params ?? {})) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return `#/${page}${s ? `?${s}` : ''}`;
}

export const go = (page, params) => { location.hash = link(page, params); };

export async function facets(db) {
  const key = String(db ?? 0);
  if (!state.facets.has(key)) state.facets.set(key, api('facets', { db: key }));
  return state.facets.get(key);
}

export function notice(message) {
  const el = document.getElementById('notice');
  clear(el);
  if (!message) { el.hidden = true; return; }
  el.hidden = false;
  el.append(h('span', null, message), ' ', h('button', { type: 'button', on: { click: () => render() } }, 'Retry'));
}

let seq = 0;
async function render() {
  const { page, params } = parseHash();
  const mine = ++seq;
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.dataset.page === (NAV_OF[page] ?? page));
  const sel = document.getElementById('file-select');
  if (sel.options.length) sel.value = params.get('db') ?? '0';
  const main = document.getElementById('main');
  main.removeAttribute('data-ready');
  const view = h('div', { class: 'page', 'data-page': page });
  try {
    await PAGES[page](view, params);
    if (mine !== seq) return;
    notice('');
    clear(main).append(view);
    main.setAttribute('data-ready', page);
  } catch (e) {
    if (mine !== seq) return;
    if (e.busy) notice(e.message);
    clear(main).append(h('p', { class: 'error' }, e.message ?? String(e)));
    main.setAttribute('data-ready', 'error');
  }
}

async function start() {
  state.files = await api('files');
  const sel = document.getElementById('file-select');
  if (state.files.length > 1) {
    for (const f of state.files) sel.append(h('option', { value: f.index, title: f.path }, `${f.index + 1}: ${f.label}`));
    document.getElementById('file-pick').hidden = false;
    sel.addEventListener('change', () => {
      const { page, params } = parseHash();
      params.set('db', sel.value);
      params.delete('run');
      params.delete('page');
      go(['conversation', 'compare'].includes(page) ? 'conversations' : page, params);
    });
  }
  window.addEventListener('hashchange', render);
  await render();
}

start().catch((e) => { document.getElementById('main').replaceChildren(h('p', { class: 'error' }, e.message ?? String(e))); });
