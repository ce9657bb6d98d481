import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeCosts } from '../../src/analysis/costs.js';
import type { Conversation, ModelCall } from '../../src/core/conversation.js';
import { openStore } from '../../src/store/db.js';
import { ConversationWriter } from '../../src/store/writer.js';

const call = (model: string, o: Partial<ModelCall> = {}): ModelCall => ({
  idx: 0, role: 'agent', model, usage: { input: 100, output: 20, cacheRead: 10, cacheWrite: 0, reasoning: 0 }, latencyMs: 5, costUsd: 0.01,
  priceSource: 'p', cached: false, isBatch: false, retries: 0, error: null, ...o,
});
const conv = (key: string, model: string, c: ModelCall): Conversation => ({
  cell: { key, approach: 'a', stage: 's', mode: 'dialogue', domain: 'saas', scenarioId: key, scenarioVersion: 1, variantSet: 'base', variantId: 'base', attribute: 'none', group: 'base', isReference: true, model, epoch: 0 },
  runId: 'r', status: 'done', errorMessage: null, turns: [], calls: [c], startedAt: 't', finishedAt: 't', handleTimeMs: 5, endReason: 'x',
});

describe('costs table: unknown token usage', () => {
  it('a group with a call of unknown usage has unknown tokens (null, never a partial or 0 sum) and says why; known groups sum as before', async () => {
    const store = await openStore(join(mkdtempSync(join(tmpdir(), 'cxb-costs-')), 'x.duckdb'));
    const w = new ConversationWriter(store);
    await w.write([
      conv('k1', 'known', call('known')),
      conv('k2', 'known', call('known')),
      conv('m1', 'mixed', call('mixed')),
      conv('m2', 'mixed', call('mixed', { usage: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, usageKnown: false })),
    ].map((conversation) => ({ conversation })));
    w.close();
    const rows = await computeCosts(store, []).finally(() => store.close());
    const row = (model: string) => rows.find((r) => r.approach === 'a' && r.model === model && r.role === 'agent')!;
    expect(row('known')).toMatchObject({ tokens_in: 220, tokens_out: 40, cost_usd_total: 0.02 });
    expect(row('mixed')).toMatchObject({ tokens_in: null, tokens_out: null, cost_usd_total: 0.02, calls: 2 });
    expect(row('mixed').price_sources).toContain('1 of 2 calls without token usage: tokens unknown (known part 110 in, 20 out)');
  });
});
