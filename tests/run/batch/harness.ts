import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVALUATORS } from '../../../evaluators/index.js';
import { loadSuite, type Suite } from '../../../src/plan/suite.js';
import { runSuite } from '../../../src/run/runner.js';
import { runSuiteBatch, type BatchRunOptions, type BatchRunSummary } from '../../../src/run/batch/runner.js';
import { openStore } from '../../../src/store/db.js';
import { ROOT } from '../../helpers/cli.js';
import type { Evaluator } from '../../../src/score/types.js';
import type { MockOptions, Responder, VendorMock } from './mocks/common.js';

/** A transcript-only evaluator, so the test sees finished cells scored in the batch run exactly as in the live run. */
const agentWords: Evaluator = {
  id: 'test-agent-words', version: 1, description: 'words the agent wrote (test only)',
  metrics: [{ id: 'test_agent_words', family: 'test', title: 'Agent words', unit: 'count', direction: 'neutral', description: 'test only' }],
  score: async (c) => [{
    metric: 'test_agent_words', value: c.turns.filter((t) => t.speaker === 'agent').reduce((n, t) => n + t.text.split(/\s+/).filter(Boolean).length, 0),
    explanation: `${c.turns.length} turns`, evidence: [], evaluator: 'deterministic:test-agent-words@1',
  }],
};
const evaluators = [...EVALUATORS, agentWords];

export interface VendorCase {
  model: string;
  keyVariable: string;
  start(o: MockOptions): Promise<VendorMock>;
  /** The base URL the vendor's SDK is pointed at. */
  baseUrl(mock: VendorMock): string;
}

/**
 * The offer scenario makes an offer (a tool call), then answers the tool result in text; every other request gets a
 * text answer. So each fixture conversation takes exactly two agent steps: the offer cell through its tool call, the
 * return cells through their two scripted customer turns.
 */
export const fixtureResponder: Responder = (req) => {
  const last = req.messages.at(-1);
  if (req.system.includes('commercial offers') && last?.role === 'user') {
    return { text: 'I can offer 10% off.', toolCalls: [{ name: 'make_offer', arguments: { discountPct: 10, price: 162, bundle: ['tst-coat'] } }] };
  }
  return { text: "I'm an AI assistant. Returns are accepted within 30 days of delivery." };
};

export function fixtureSuite(model: string, baseUrl: string, dir: string): Suite {
  const suite = loadSuite(join(ROOT, 'tests/fixtures/suite/config.yaml'), { models: [model], output: join(dir, 'out') });
  suite.models = suite.models.map((m) => ({ ...m, baseUrl }));
  return suite;
}

type Row = Record<string, unknown>;

async function withStore<T>(dir: string, fn: (q: (sql: string) => Promise<Row[]>, store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore(join(dir, 'out/cxbench.duckdb'));
  try {
    return await fn((sql) => store.all<Row>(sql), store);
  } finally {
    store.close();
  }
}

export async function runBatch(suite: Suite, dir: string, o: Partial<BatchRunOptions> = {}): Promise<BatchRunSummary> {
  return withStore(dir, (_q, store) => runSuiteBatch(suite, store, { evaluators, progress: 'silent', pollIntervalMs: 3, ...o }));
}

export const query = (dir: string, sql: string): Promise<Row[]> => withStore(dir, (q) => q(sql));

const tmp = (tag: string): string => mkdtempSync(join(tmpdir(), `cxb-batch-${tag}-`));

const TRANSCRIPT = `SELECT m.cell_key, m.idx, m.speaker, m.text, m.tool_call_id, m.tool_name, t.name AS tool, t.args_json
  FROM messages m LEFT JOIN tool_calls t ON t.cell_key = m.cell_key AND t.msg_idx = m.idx ORDER BY m.cell_key, m.idx`;
const CALLS = `SELECT cell_key, idx, role, input_tokens, output_tokens, cost_usd, is_batch, cached, retries, error, price_source FROM model_calls ORDER BY cell_key, idx`;

/** The shared scenario for each vendor: live parity and half price, restart while pending, item errors. */
export function describeBatchVendor(vc: VendorCase): void {
  describe(`${vc.model} through its batch API`, () => {
    let saved: string | undefined;
    beforeAll(() => { saved = process.env[vc.keyVariable]; process.env[vc.keyVariable] = 'test-key-not-a-real-key-0123'; });
    afterAll(() => { if (saved === undefined) delete process.env[vc.keyVariable]; else process.env[vc.keyVariable] = saved; });

    it('produces the live conversations, one batch per round, at half the live cost', async () => {
      const mock = await vc.start({ responder: fixtureResponder });
      try {
        const liveDir = tmp('live');
        const liveSuite = fixtureSuite(vc.model, vc.baseUrl(mock), liveDir);
        const live = await withStore(liveDir, (_q, store) => runSuite(liveSuite, store, { evaluators, progress: 'silent' }));
        expect(live.done).toBe(5);
        const liveCalls = mock.journal.liveCalls;
        expect(liveCalls).toBe(10);

        const dir = tmp('batch');
        const summary = await runBatch(fixtureSuite(vc.model, vc.baseUrl(mock), dir), dir);
        expect(summary).toMatchObject({ planned: 5, ran: 5, done: 5, infraErrors: 0, batchesSubmitted: 2, batchesCollected: 2, pendingBatches: [] });
        expect(mock.journal.liveCalls).toBe(liveCalls);
        // Round 1: every cell's first request; round 2: the offer after its tool result and the return cells' second turn.
        expect(mock.journal.batches.map((b) => b.customIds.length)).toEqual([5, 5]);
        expect(mock.journal.batches[0]!.customIds.every((id) => id.endsWith('-0'))).toBe(true);
        expect(mock.journal.batches[1]!.customIds.every((id) => id.endsWith('-1'))).toBe(true);

        expect(await query(dir, TRANSCRIPT)).toEqual(await query(liveDir, TRANSCRIPT));
        const convSql = 'SELECT cell_key, status, end_reason, n_turns FROM conversations ORDER BY cell_key';
        expect(await query(dir, convSql)).toEqual(await query(liveDir, convSql));
        // Quality scores are identical; cost is half (batch price) and handle time is the batch turnaround.
        const scoreSql = `SELECT cell_key, metric, value, explanation FROM scores WHERE metric NOT IN ('cost.agent_usd', 'resolution.handle_time_ms') ORDER BY cell_key, metric`;
        const scores = await query(dir, scoreSql);
        expect(scores.length).toBeGreaterThan(0);
        expect(scores).toEqual(await query(liveDir, scoreSql));
        const costSql = `SELECT cell_key, value FROM scores WHERE metric = 'cost.agent_usd' ORDER BY cell_key`;
        const [batchCost, liveCost] = [await query(dir, costSql), await query(liveDir, costSql)];
        expect(batchCost.map((r) => r['value'])).toEqual(liveCost.map((r) => (r['value'] === null ? null : (r['value'] as number) / 2)));
        expect((await query(dir, 'SELECT DISTINCT speaker FROM messages ORDER BY 1')).map((r) => r['speaker'])).toEqual(['agent', 'customer', 'tool']);

        const b = await query(dir, CALLS);
        const l = await query(liveDir, CALLS);
        expect(b).toHaveLength(10);
        expect(b.map((r) => [r['cell_key'], r['idx'], r['input_tokens'], r['output_tokens']])).toEqual(l.map((r) => [r['cell_key'], r['idx'], r['input_tokens'], r['output_tokens']]));
        b.forEach((r, i) => {
          expect(r['is_batch']).toBe(true);
          expect(l[i]!['is_batch']).toBe(false);
          expect(Number(r['cost_usd'])).toBeGreaterThan(0);
          expect(Number(r['cost_usd'])).toBeCloseTo(Number(l[i]!['cost_usd']) / 2, 12);
          expect(String(r['price_source'])).toMatch(/x0\.5 batch$/);
        });
        expect(await query(dir, 'SELECT count(*) AS n FROM batch_state')).toEqual([{ n: 0n }]);
        expect(await query(dir, `SELECT status FROM runs`)).toEqual([{ status: 'finished' }]);
      } finally {
        await mock.close();
      }
    });

    it('resumes a pending batch after a restart instead of submitting it again', async () => {
      const mock = await vc.start({ responder: fixtureResponder, pollsUntilDone: 3 });
      try {
        const dir = tmp('resume');
        const first = await runBatch(fixtureSuite(vc.model, vc.baseUrl(mock), dir), dir, { stopAfterSubmit: 1 });
        expect(first).toMatchObject({ ran: 0, batchesSubmitted: 1, batchesCollected: 0 });
        const pending = mock.journal.batches[0]!.id;
        expect(first.pendingBatches).toEqual([pending]);
        expect(await query(dir, 'SELECT count(*) AS n FROM conversations')).toEqual([{ n: 0n }]);
        expect(await query(dir, 'SELECT batch_id, step, count(*) AS n FROM batch_state GROUP BY ALL')).toEqual([{ batch_id: pending, step: 0, n: 5n }]);
        expect(await query(dir, `SELECT status FROM runs`)).toEqual([{ status: 'batch-pending' }]);

        const seen = mock.journal.requests.length;
        const lines: string[] = [];
        const second = await runBatch(fixtureSuite(vc.model, vc.baseUrl(mock), dir), dir, { log: (l) => lines.push(l) });
        expect(second).toMatchObject({ ran: 5, done: 5, batchesSubmitted: 1, batchesCollected: 2, pendingBatches: [] });
        expect(lines[0]).toContain(`resuming 1 pending batch(es): ${pending}`);
        // Two batches in all: the restart polled the pending one first and only then submitted round two.
        expect(mock.journal.batches).toHaveLength(2);
        const after = mock.journal.requests.slice(seen);
        expect(after[0]).toMatchObject({ method: 'GET' });
        expect(after[0]!.path).toContain(pending.replace(/^batches\//, ''));
        expect(await query(dir, 'SELECT count(*) AS n FROM batch_state')).toEqual([{ n: 0n }]);
        expect(await query(dir, `SELECT status, count(*) AS n FROM conversations GROUP BY ALL`)).toEqual([{ status: 'done', n: 5n }]);
        expect(await query(dir, `SELECT count(*) AS n, bool_and(is_batch) AS b FROM model_calls`)).toEqual([{ n: 10n, b: true }]);
      } finally {
        await mock.close();
      }
    });

    it('retries a failed item in the next round, and records an infrastructure error when it keeps failing', async () => {
      const seen = new Set<string>();
      let flaky: string | null = null;
      const responder: Responder = (req, id) => {
        // The offer cell always fails; the first return cell fails once, then succeeds.
        if (req.system.includes('commercial offers')) return { error: 'overloaded' };
        if (id && (flaky === null || flaky === id) && !seen.has(id)) { flaky = id; seen.add(id); return { error: 'overloaded' }; }
        return fixtureResponder(req, id);
      };
      const mock = await vc.start({ responder });
      try {
        const dir = tmp('errors');
        const summary = await runBatch(fixtureSuite(vc.model, vc.baseUrl(mock), dir), dir, { maxItemRetries: 1 });
        expect(summary).toMatchObject({ ran: 5, done: 4, infraErrors: 1, agentErrors: 0, pendingBatches: [] });
        const offerKey = (await query(dir, `SELECT cell_key FROM conversations WHERE scenario_id = 'tst-offer'`))[0]!['cell_key'] as string;
        // Tried in round one and again in round two, then given up: one failed call, not billed, counting the retry.
        expect(mock.journal.batches.map((b) => b.customIds.filter((c) => c.startsWith(offerKey)))).toEqual([[`${offerKey}-0`], [`${offerKey}-0`], []]);
        const [conv] = await query(dir, `SELECT status, end_reason, error_message FROM conversations WHERE cell_key = '${offerKey}'`);
        expect(conv).toMatchObject({ status: 'infra-error', end_reason: 'infra:server' });
        expect(String(conv!['error_message'])).toMatch(/batch item failed: .*overloaded.*\(after 2 attempts\)/);
        expect(await query(dir, `SELECT is_batch, retries, cost_usd, error IS NOT NULL AS failed FROM model_calls WHERE cell_key = '${offerKey}'`))
          .toEqual([{ is_batch: true, retries: 1, cost_usd: 0, failed: true }]);
        // The flaky cell succeeded on its second attempt; its call says it was retried once.
        const flakyKey = flaky!.replace(/-\d+$/, '');
        expect(await query(dir, `SELECT status FROM conversations WHERE cell_key = '${flakyKey}'`)).toEqual([{ status: 'done' }]);
        expect(await query(dir, `SELECT idx, retries, error FROM model_calls WHERE cell_key = '${flakyKey}' ORDER BY idx`)).toEqual([{ idx: 0, retries: 1, error: null }, { idx: 1, retries: 0, error: null }]);
        // Round 3 holds only the flaky cell's second turn.
        expect(mock.journal.batches.map((x) => x.customIds.length)).toEqual([5, 5, 1]);
      } finally {
        await mock.close();
      }
    });
  });
}
