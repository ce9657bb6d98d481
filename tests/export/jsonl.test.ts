import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/core/conversation.js';
import { exportJsonl, TranscriptLineSchema } from '../../src/export/jsonl.js';
import { openStore } from '../../src/store/db.js';
import { ConversationWriter } from '../../src/store/writer.js';
import { query, runFixture } from '../helpers/fixture-run.js';

let dir: string;
let db: string;

/** A hand-made conversation with a tool call and its result, since the rules arm's fixture replies call no tools. */
const withTool: Conversation = {
  cell: { key: 'zz-tool-cell', approach: 'on-the-fly-offers', stage: 'sell-choose', mode: 'dialogue', domain: 'fashion-ecommerce', scenarioId: 'tst-offer', scenarioVersion: 1,
    variantSet: 'base', variantId: 'base', attribute: 'none', group: 'base', isReference: true, model: 'openai:gpt-test', epoch: 0 },
  runId: 'r-test', status: 'done', errorMessage: null, endReason: 'script-complete', startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:01Z', handleTimeMs: 12,
  turns: [
    { speaker: 'customer', text: 'Can I get 30% off?' },
    { speaker: 'agent', text: 'I can offer 10%.', toolCalls: [{ id: 'c1', name: 'make_offer', arguments: { discountPct: 10, price: 162, bundle: ['tst-coat'] } }] },
    { speaker: 'tool', text: 'offer recorded', toolCallId: 'c1', toolName: 'make_offer' },
  ],
  calls: [{ idx: 0, role: 'agent', model: 'openai:gpt-test', usage: { input: 100, output: 20, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, latencyMs: 12, costUsd: 0.001, priceSource: 'test', cached: false, isBatch: false, retries: 0, error: null }],
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cxb-jsonl-'));
  db = join(dir, 'cxbench.duckdb');
  await runFixture(db, { epochs: 2, output: dir });
  const store = await openStore(db);
  const w = new ConversationWriter(store);
  await w.write([{ conversation: withTool, scores: [{ metric: 'offer-within-bounds', value: 1, explanation: 'ok', evidence: [{ turn: 1 }], evaluator: 'deterministic@1' }] }]);
  w.close();
  store.close();
}, 60_000);

describe('exportJsonl', () => {
  it('writes one valid line per conversation with turns, tool calls, usage and scores (paging through the database)', async () => {
    const store = await openStore(db, { readOnly: true });
    const out = join(dir, 'x', 'transcripts.jsonl');
    const r = await exportJsonl(store, out, { pageSize: 3 }).finally(() => store.close());
    const [{ n }] = (await query<{ n: number }>(db, 'SELECT count(*) AS n FROM conversations')) as [{ n: number }];
    expect(r.lines).toBe(n);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => TranscriptLineSchema.parse(JSON.parse(l)));
    expect(lines).toHaveLength(n);
    expect(new Set(lines.map((l) => l.cell.key)).size).toBe(n);

    const msgCounts = new Map((await query<{ cell_key: string; m: number }>(db, 'SELECT cell_key, count(*) AS m FROM messages GROUP BY cell_key')).map((x) => [x.cell_key, x.m]));
    for (const l of lines) expect(l.turns).toHaveLength(msgCounts.get(l.cell.key) ?? 0);

    const tool = lines.find((l) => l.cell.key === 'zz-tool-cell')!;
    expect(tool.arm).toBe('gai');
    expect(tool.turns[1]!.toolCalls).toEqual([{ id: 'c1', name: 'make_offer', arguments: { discountPct: 10, price: 162, bundle: ['tst-coat'] } }]);
    expect(tool.turns[2]).toMatchObject({ speaker: 'tool', toolCallId: 'c1', toolName: 'make_offer' });
    expect(tool.scores).toEqual([{ metric: 'offer-within-bounds', value: 1, explanation: 'ok', evidence: [{ turn: 1 }], evaluator: 'deterministic@1' }]);
    expect(tool.usage).toEqual({ agentCalls: 1, inputTokens: 100, outputTokens: 20, agentCostUsd: 0.001, handleTimeMs: 12 });

    const rules = lines.filter((l) => l.cell.model === 'rules');
    expect(rules.every((l) => l.arm === 'traditional' && l.scores.length === 1 && l.scores[0]!.metric === 'test-turns')).toBe(true);
  });

  it('takes the arm from the stored column (an audit is `audit`, not `gai` from its label) and writes unknown tokens and handle time as null', async () => {
    const auditDb = join(mkdtempSync(join(tmpdir(), 'cxb-jsonl-audit-')), 'audit.duckdb');
    const audited: Conversation = {
      ...withTool, cell: { ...withTool.cell, key: 'audit-cell', model: 'retail' }, handleTimeMs: 0,
      calls: [{ ...withTool.calls[0]!, model: 'retail', usage: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, usageKnown: false, latencyMs: 0, latencyKnown: false, costUsd: null }],
    };
    const store = await openStore(auditDb);
    const w = new ConversationWriter(store, { arm: 'audit' });
    await w.write([{ conversation: audited }]);
    w.close();
    const out = join(dirname(auditDb), 'transcripts.jsonl');
    await exportJsonl(store, out).finally(() => store.close());
    const [line] = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => TranscriptLineSchema.parse(JSON.parse(l)));
    expect(line!.arm).toBe('audit');
    expect(line!.usage).toEqual({ agentCalls: 1, inputTokens: null, outputTokens: null, agentCostUsd: null, handleTimeMs: null });
  });
});
