import type { Store } from '../store/db.js';

/** One cause of failed cells in a run: how many, on which models, and the first message. */
export interface FailureCause {
  status: string;
  endReason: string;
  cells: number;
  models: string[];
  firstMessage: string | null;
  messages: number;
}

const STATUS_WORDS: Record<string, string> = {
  'infra-error': 'infrastructure error',
  'agent-error': 'agent error',
  'local-error': 'local error',
};

/** Failed cells of one run grouped by status and end reason (interruptions are reported apart), largest first. */
export async function failureCauses(store: Store, runId: string): Promise<FailureCause[]> {
  const rows = await store.all<{ status: string; end_reason: string; n: bigint; models: string[]; first: string | null; messages: bigint }>(
    `SELECT status, end_reason, count(*) AS n, list(DISTINCT model ORDER BY model) AS models,
            arg_min(error_message, finished_at) FILTER (WHERE error_message IS NOT NULL) AS first,
            count(DISTINCT error_message) AS messages
     FROM conversations WHERE run_id = ? AND status <> 'done' AND end_reason <> 'interrupted'
     GROUP BY status, end_reason ORDER BY n DESC, status, end_reason`, [runId]);
  return rows.map((r) => ({
    status: r.status, endReason: r.end_reason, cells: Number(r.n), models: [...r.models], firstMessage: r.first, messages: Number(r.messages),
  }));
}

const oneLine = (s: string, max = 240): string => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/**
 * The end-of-run lines for failed cells: one per cause with its count, models and first message, then where the
 * full messages are. Empty when nothing failed.
 */
export function formatFailureCauses(causes: FailureCause[], runId: string, dbFile: string): string[] {
  if (causes.length === 0) return [];
  const lines = ['failures by cause:'];
  for (const c of causes) {
    const what = `${c.cells} ${STATUS_WORDS[c.status] ?? c.status}${c.cells === 1 ? '' : 's'}`;
    const msg = c.firstMessage ? `: "${oneLine(c.firstMessage)}"${c.messages > 1 ? ` (and ${c.messages - 1} other message${c.messages > 2 ? 's' : ''})` : ''}` : ': no message recorded';
    lines.push(`  ${what} (${c.endReason}) on ${c.models.join(', ')}${msg}`);
  }
  lines.push(`  every message: \`cxbench view ${dbFile}\` (filter the run's conversations by status), or in DuckDB: ` +
    `SELECT cell_key, model, end_reason, error_message FROM conversations WHERE run_id = '${runId}' AND status <> 'done'`);
  lines.push('  what each failure class means and which cells run again: docs/reliability.md');
  return lines;
}
