import { z } from 'zod';
import type { Store } from '../store/db.js';
import { EvidenceSchema, type Evidence } from '../score/types.js';
import { conversationAnchor, escapeHtml } from './escape.js';
import { formatCell } from './format.js';
import { runQuery, type Row } from './query.js';

/** One conversation with everything an auditor needs to see why it scored as it did. */
export interface Transcript {
  conv: Row;
  messages: Row[];
  toolCalls: Row[];
  scores: Row[];
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

async function rowsOrEmpty(store: Store, sql: string): Promise<Row[]> {
  const r = await runQuery(store, sql);
  if (r.kind === 'error') throw new Error(`transcript query failed: ${r.message}`);
  return r.kind === 'rows' ? r.rows : [];
}

function groupBy(rows: Row[], key: string): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) {
    const k = str(r[key]);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** Loads transcripts in a stable order (approach, scenario, variant, model, epoch); `limit` caps very large runs. */
export async function loadTranscripts(store: Store, limit?: number): Promise<{ transcripts: Transcript[]; total: number }> {
  // Only the shown conversations' rows are read: a capped report over a million score rows must stay fast.
  const order = 'ORDER BY approach, scenario_id, variant_set, variant_id, model, epoch, cell_key';
  const cap = limit === undefined ? '' : `LIMIT ${Math.max(0, Math.floor(limit))}`;
  const [{ n: total } = { n: 0 }] = await rowsOrEmpty(store, 'SELECT count(*)::INTEGER AS n FROM conversations') as { n: number }[];
  const shownKeys = `(SELECT cell_key FROM conversations ${order} ${cap})`;
  const shown = await rowsOrEmpty(store, `SELECT c.*, s.value AS resolved FROM conversations c
    LEFT JOIN (SELECT cell_key, max(value) AS value FROM scores WHERE metric = 'resolution.resolved' AND cell_key IN ${shownKeys} GROUP BY cell_key) s USING (cell_key)
    WHERE c.cell_key IN ${shownKeys} ${order}`);
  const messages = groupBy(await rowsOrEmpty(store, `SELECT * FROM messages WHERE cell_key IN ${shownKeys} ORDER BY cell_key, idx`), 'cell_key');
  const toolCalls = groupBy(await rowsOrEmpty(store, `SELECT * FROM tool_calls WHERE cell_key IN ${shownKeys} ORDER BY cell_key, msg_idx, call_id`), 'cell_key');
  const scores = groupBy(await rowsOrEmpty(store, `SELECT * FROM scores WHERE cell_key IN ${shownKeys} ORDER BY cell_key, metric, scored_at`), 'cell_key');
  return {
    total,
    transcripts: shown.map((conv) => {
      const key = str(conv.cell_key);
      return { conv, messages: messages.get(key) ?? [], toolCalls: toolCalls.get(key) ?? [], scores: scores.get(key) ?? [] };
    }),
  };
}

function parseEvidence(json: unknown): Evidence[] | string {
  try {
    const r = z.array(EvidenceSchema).safeParse(JSON.parse(str(json)));
    return r.success ? r.data : str(json);
  } catch {
    return str(json);
  }
}

function evidenceHtml(json: unknown, anchor: string): string {
  const ev = parseEvidence(json);
  if (typeof ev === 'string') return ev ? `<code>${escapeHtml(ev)}</code>` : '';
  if (ev.length === 0) return '';
  const items = ev.map((e) => {
    const bits = [
      e.turn !== undefined ? `<a href="#${anchor}-m${e.turn}">turn ${e.turn}</a>` : '',
      e.quote !== undefined ? `“${escapeHtml(e.quote)}”` : '',
      e.factId !== undefined ? `fact <code>${escapeHtml(e.factId)}</code>` : '',
      e.note !== undefined ? escapeHtml(e.note) : '',
    ].filter(Boolean);
    return `<li>${bits.join(' · ')}</li>`;
  });
  return `<ul class="evidence">${items.join('')}</ul>`;
}

function scoreValue(v: unknown): string {
  return typeof v === 'number' ? formatCell(v, 'num') : 'null (nothing to score)';
}

function messagesHtml(t: Transcript, anchor: string): string {
  const calls = groupBy(t.toolCalls, 'msg_idx');
  const items = t.messages.map((m) => {
    const speaker = str(m.speaker);
    const toolLine = m.tool_name ? ` <span class="tool">← ${escapeHtml(m.tool_name)}</span>` : '';
    const callList = (calls.get(str(m.idx)) ?? [])
      .map((c) => `<li><code>${escapeHtml(c.name)}(${escapeHtml(c.args_json)})</code></li>`)
      .join('');
    return `<li class="msg speaker-${speaker.replace(/[^a-z]/g, '')}" id="${anchor}-m${escapeHtml(m.idx)}" value="${escapeHtml(m.idx)}">`
      + `<span class="speaker">${escapeHtml(speaker)}</span>${toolLine}<div class="text">${escapeHtml(m.text)}</div>`
      + (callList ? `<ul class="tool-calls">${callList}</ul>` : '')
      + '</li>';
  });
  return items.length ? `<ol class="transcript" start="0">${items.join('\n')}</ol>` : '<p class="note">No messages stored.</p>';
}

function scoresHtml(t: Transcript, anchor: string): string {
  if (t.scores.length === 0) return '<p class="note">Not scored yet.</p>';
  const rows = t.scores.map((s) => {
    const evaluator = str(s.evaluator);
    const fallback = evaluator.startsWith('fallback:') ? ' <span class="badge fallback">deterministic fallback</span>' : '';
    return `<tr><td><code>${escapeHtml(s.metric)}</code></td><td class="num">${escapeHtml(scoreValue(s.value))}</td>`
      + `<td><code>${escapeHtml(evaluator)}</code>${fallback}</td><td>${escapeHtml(s.explanation)}${evidenceHtml(s.evidence_json, anchor)}</td></tr>`;
  });
  return `<div class="table-wrap"><table class="scores"><thead><tr><th>metric</th><th>value</th><th>evaluator</th><th>why (evidence)</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></div>`;
}

function transcriptHtml(t: Transcript): string {
  const c = t.conv;
  const anchor = conversationAnchor(str(c.cell_key));
  const resolved = c.resolved === null || c.resolved === undefined ? 'resolved: —' : c.resolved === 1 ? 'resolved' : 'not resolved';
  const summary = [
    `<span class="badge status-${escapeHtml(str(c.status).replace(/[^a-z-]/g, ''))}">${escapeHtml(c.status)}</span>`,
    `<span class="badge">${escapeHtml(resolved)}</span>`,
    `<strong>${escapeHtml(c.approach)}</strong>`,
    `scenario <span class="scenario">${escapeHtml(c.scenario_id)}</span>@${escapeHtml(c.scenario_version)}`,
    `${escapeHtml(c.variant_set)}/${escapeHtml(c.variant_id)}`,
    `model <strong>${escapeHtml(c.model)}</strong>`,
    `epoch ${escapeHtml(c.epoch)}`,
  ].join(' · ');
  const facts: [string, unknown][] = [
    ['cell key', c.cell_key], ['run', c.run_id], ['stage', c.stage], ['arm', c.arm], ['persona group', c.persona_group],
    ['end reason', c.end_reason], ['error', c.error_message], ['turns', c.n_turns],
    ['handle time', typeof c.handle_time_ms === 'number' ? formatCell(c.handle_time_ms, 'ms') : c.handle_time_ms],
    ['agent cost', typeof c.agent_cost_usd === 'number' ? formatCell(c.agent_cost_usd, 'usd') : 'unpriced'],
  ];
  const dl = facts.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
  return `<details class="conv" id="${anchor}"><summary>${summary}</summary>`
    + `<div class="conv-body"><dl class="facts">${dl}</dl>${messagesHtml(t, anchor)}<h4>Scores</h4>${scoresHtml(t, anchor)}</div></details>`;
}

export function transcriptsHtml(transcripts: Transcript[], total: number): string {
  if (total === 0) return '<p class="no-data">No data yet: no conversations are stored.</p>';
  const capped = transcripts.length < total
    ? `<p class="note">Showing the first ${transcripts.length} of ${total} conversations (raise <code>maxTranscripts</code> to show all).</p>`
    : `<p class="note">${total} conversations. Click a row to open its transcript; chart points link here.</p>`;
  return capped + transcripts.map(transcriptHtml).join('\n');
}
