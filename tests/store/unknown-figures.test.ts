import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { Conversation, ModelCall } from '../../src/core/conversation.js';
import { openStore } from '../../src/store/db.js';
import { handleTimeKnown } from '../../src/store/known.js';
import { readConversations } from '../../src/store/reader.js';
import { NULLABLE_SINCE_V2, SCHEMA_VERSION } from '../../src/store/schema.js';
import { ConversationWriter } from '../../src/store/writer.js';
import { query } from '../helpers/db.js';

const tmpDb = (): string => join(mkdtempSync(join(tmpdir(), 'cxb-unknown-')), 'x.duckdb');

const call = (o: Partial<ModelCall> = {}): ModelCall => ({
  idx: 0, role: 'agent', model: 'm', usage: { input: 10, output: 5, cacheRead: 1, cacheWrite: 0, reasoning: 2 }, latencyMs: 40, costUsd: 0.01,
  priceSource: 'test', cached: false, isBatch: false, retries: 0, error: null, ...o,
});
const conv = (key: string, calls: ModelCall[], handleTimeMs: number): Conversation => ({
  cell: { key, approach: 'a', stage: 's', mode: 'dialogue', domain: 'saas', scenarioId: key, scenarioVersion: 1, variantSet: 'base', variantId: 'base', attribute: 'none', group: 'base', isReference: true, model: 'm', epoch: 0 },
  runId: 'r', status: 'done', errorMessage: null, turns: [{ speaker: 'customer', text: 'hi' }], calls, startedAt: 't', finishedAt: 't', handleTimeMs, endReason: 'x',
});

interface CallRow { cell_key: string; input_tokens: number | null; output_tokens: number | null; cache_read_tokens: number | null; cache_write_tokens: number | null; reasoning_tokens: number | null; latency_ms: number | null }

describe('unknown tokens and latency in the store', () => {
  it('writes unknown usage and latency as NULL (never 0) and reads them back as unknown; known figures are unchanged', async () => {
    const db = tmpDb();
    const store = await openStore(db);
    const w = new ConversationWriter(store, { arm: 'audit' });
    await w.write([
      { conversation: conv('known', [call()], 40) },
      { conversation: conv('unknown', [call({ usage: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, usageKnown: false, latencyMs: 0, latencyKnown: false })], 0) },
    ]);
    w.close();
    const back = new Map<string, Conversation>();
    for await (const page of readConversations(store)) for (const c of page) back.set(c.cell.key, c);
    store.close();

    const rows = await query<CallRow>(db, 'SELECT * FROM model_calls ORDER BY cell_key');
    expect(rows.find((r) => r.cell_key === 'known')).toMatchObject({ input_tokens: 10, output_tokens: 5, cache_read_tokens: 1, cache_write_tokens: 0, reasoning_tokens: 2, latency_ms: 40 });
    expect(rows.find((r) => r.cell_key === 'unknown')).toMatchObject({ input_tokens: null, output_tokens: null, cache_read_tokens: null, cache_write_tokens: null, reasoning_tokens: null, latency_ms: null });
    const ht = await query<{ cell_key: string; handle_time_ms: number | null }>(db, 'SELECT cell_key, handle_time_ms FROM conversations ORDER BY cell_key');
    expect(ht).toEqual([{ cell_key: 'known', handle_time_ms: 40 }, { cell_key: 'unknown', handle_time_ms: null }]);

    const known = back.get('known')!.calls[0]!;
    expect(known.usageKnown).toBeUndefined();
    expect(known.latencyKnown).toBeUndefined();
    expect(known.usage).toEqual({ input: 10, output: 5, cacheRead: 1, cacheWrite: 0, reasoning: 2 });
    expect(back.get('unknown')!.calls[0]).toMatchObject({ usageKnown: false, latencyKnown: false });
    expect(handleTimeKnown(back.get('known')!)).toBe(true);
    expect(handleTimeKnown(back.get('unknown')!)).toBe(false);
  });

  it('a file of schema version 1 (NOT NULL counters) is relaxed in place when opened for writing, its rows kept', async () => {
    const db = tmpDb();
    const inst = await DuckDBInstance.create(db);
    const c = await inst.connect();
    // The version 1 shapes of the two tables concerned (only the columns that matter here differ from today's).
    await c.run(`CREATE TABLE conversations (cell_key VARCHAR PRIMARY KEY, run_id VARCHAR NOT NULL, approach VARCHAR NOT NULL, stage VARCHAR NOT NULL, mode VARCHAR NOT NULL,
      scenario_id VARCHAR NOT NULL, scenario_version INTEGER NOT NULL, domain VARCHAR NOT NULL, variant_set VARCHAR NOT NULL, variant_id VARCHAR NOT NULL,
      attribute VARCHAR NOT NULL, persona_group VARCHAR NOT NULL, is_reference BOOLEAN NOT NULL, model VARCHAR NOT NULL, arm VARCHAR NOT NULL, epoch INTEGER NOT NULL,
      status VARCHAR NOT NULL, error_message VARCHAR, end_reason VARCHAR NOT NULL, n_turns INTEGER NOT NULL, handle_time_ms DOUBLE NOT NULL, agent_cost_usd DOUBLE,
      started_at VARCHAR NOT NULL, finished_at VARCHAR NOT NULL)`);
    await c.run(`CREATE TABLE model_calls (cell_key VARCHAR NOT NULL, idx INTEGER NOT NULL, role VARCHAR NOT NULL, model VARCHAR NOT NULL,
      input_tokens BIGINT NOT NULL, output_tokens BIGINT NOT NULL, cache_read_tokens BIGINT NOT NULL, cache_write_tokens BIGINT NOT NULL, reasoning_tokens BIGINT NOT NULL,
      latency_ms DOUBLE NOT NULL, cost_usd DOUBLE, price_source VARCHAR NOT NULL, cached BOOLEAN NOT NULL, is_batch BOOLEAN NOT NULL, retries INTEGER NOT NULL, error VARCHAR)`);
    await c.run(`INSERT INTO model_calls VALUES ('old', 0, 'agent', 'm', 7, 3, 0, 0, 0, 12.5, 0.002, 'p', false, false, 0, NULL)`);
    await c.run(`CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)`);
    await c.run(`INSERT INTO meta VALUES ('schema_version', '1')`);
    c.closeSync();
    inst.closeSync();

    const nullable = async (): Promise<string[]> => (await query<{ t: string }>(db,
      `SELECT table_name || '.' || column_name AS t FROM information_schema.columns WHERE is_nullable = 'YES' AND table_name IN ('conversations', 'model_calls')`)).map((r) => r.t);
    expect(await nullable()).not.toContain('model_calls.input_tokens');
    for (let i = 0; i < 2; i++) (await openStore(db)).close(); // the second open finds nothing to do
    const now = await nullable();
    for (const { table, column } of NULLABLE_SINCE_V2) expect(now).toContain(`${table}.${column}`);
    expect(await query(db, 'SELECT input_tokens, latency_ms FROM model_calls')).toEqual([{ input_tokens: 7, latency_ms: 12.5 }]);
    expect(await query(db, `SELECT value FROM meta WHERE key = 'schema_version'`)).toEqual([{ value: String(SCHEMA_VERSION) }]);

    const store = await openStore(db);
    const w = new ConversationWriter(store, { arm: 'audit' });
    await w.write([{ conversation: conv('new', [call({ usageKnown: false, latencyKnown: false })], 0) }]);
    w.close();
    store.close();
    expect(await query(db, `SELECT input_tokens, latency_ms FROM model_calls WHERE cell_key = 'new'`)).toEqual([{ input_tokens: null, latency_ms: null }]);
  });
});
