import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { Conversation, ModelCall } from '../../src/core/conversation.js';
import { openStore } from '../../src/store/db.js';
import { readConversations } from '../../src/store/reader.js';
import { ADDED_SINCE_V3, SCHEMA_VERSION } from '../../src/store/schema.js';
import { ConversationWriter } from '../../src/store/writer.js';
import { query } from '../helpers/db.js';

const tmpDb = (): string => join(mkdtempSync(join(tmpdir(), 'cxb-timing-')), 'x.duckdb');

const call = (o: Partial<ModelCall> = {}): ModelCall => ({
  idx: 0, role: 'agent', model: 'm', usage: { input: 10, output: 50, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, latencyMs: 700, costUsd: 0.01,
  priceSource: 'test', cached: false, isBatch: false, retries: 0, error: null, ...o,
});
const conv = (key: string, calls: ModelCall[]): Conversation => ({
  cell: { key, approach: 'a', stage: 's', mode: 'dialogue', domain: 'saas', scenarioId: key, scenarioVersion: 1, variantSet: 'base', variantId: 'base', attribute: 'none', group: 'base', isReference: true, model: 'm', epoch: 0 },
  runId: 'r', status: 'done', errorMessage: null, turns: [{ speaker: 'customer', text: 'hi' }], calls, startedAt: 't', finishedAt: 't', handleTimeMs: 700, endReason: 'x',
});

interface TimingRow { cell_key: string; ttft_ms: number | null; output_tokens_per_s: number | null }
const timings = (db: string, where = 'true'): Promise<TimingRow[]> =>
  query<TimingRow>(db, `SELECT cell_key, ttft_ms, output_tokens_per_s FROM model_calls WHERE ${where} ORDER BY cell_key`);

/** A file as schema version 2 wrote it: nullable counters, no timing columns. */
async function writeV2File(db: string): Promise<void> {
  const inst = await DuckDBInstance.create(db);
  const c = await inst.connect();
  await c.run(`CREATE TABLE model_calls (cell_key VARCHAR NOT NULL, idx INTEGER NOT NULL, role VARCHAR NOT NULL, model VARCHAR NOT NULL,
    input_tokens BIGINT, output_tokens BIGINT, cache_read_tokens BIGINT, cache_write_tokens BIGINT, reasoning_tokens BIGINT,
    latency_ms DOUBLE, cost_usd DOUBLE, price_source VARCHAR NOT NULL, cached BOOLEAN NOT NULL, is_batch BOOLEAN NOT NULL, retries INTEGER NOT NULL, error VARCHAR)`);
  await c.run(`INSERT INTO model_calls VALUES ('old', 0, 'agent', 'm', 7, 3, 0, 0, 0, 12.5, 0.002, 'p', false, false, 0, NULL)`);
  await c.run(`CREATE TABLE conversations (cell_key VARCHAR PRIMARY KEY, run_id VARCHAR NOT NULL, approach VARCHAR NOT NULL, stage VARCHAR NOT NULL, mode VARCHAR NOT NULL,
    scenario_id VARCHAR NOT NULL, scenario_version INTEGER NOT NULL, domain VARCHAR NOT NULL, variant_set VARCHAR NOT NULL, variant_id VARCHAR NOT NULL,
    attribute VARCHAR NOT NULL, persona_group VARCHAR NOT NULL, is_reference BOOLEAN NOT NULL, model VARCHAR NOT NULL, arm VARCHAR NOT NULL, epoch INTEGER NOT NULL,
    status VARCHAR NOT NULL, error_message VARCHAR, end_reason VARCHAR NOT NULL, n_turns INTEGER NOT NULL, handle_time_ms DOUBLE, agent_cost_usd DOUBLE,
    started_at VARCHAR NOT NULL, finished_at VARCHAR NOT NULL)`);
  await c.run(`INSERT INTO conversations VALUES ('old', 'r', 'a', 's', 'dialogue', 'old', 1, 'saas', 'base', 'base', 'none', 'base', true, 'm', 'gai', 0, 'done', NULL, 'x', 1, 12.5, 0.002, 't', 't')`);
  await c.run(`CREATE TABLE messages (cell_key VARCHAR NOT NULL, idx INTEGER NOT NULL, speaker VARCHAR NOT NULL, text VARCHAR NOT NULL, tool_call_id VARCHAR, tool_name VARCHAR)`);
  await c.run(`CREATE TABLE tool_calls (cell_key VARCHAR NOT NULL, msg_idx INTEGER NOT NULL, call_id VARCHAR NOT NULL, name VARCHAR NOT NULL, args_json VARCHAR NOT NULL)`);
  // The cost view reads model_calls: adding a column must not be refused because of it.
  await c.run(`CREATE VIEW old_costs AS SELECT model, sum(cost_usd) AS c FROM model_calls GROUP BY model`);
  await c.run(`CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)`);
  await c.run(`INSERT INTO meta VALUES ('schema_version', '2')`);
  c.closeSync();
  inst.closeSync();
}

const columnsOf = async (db: string): Promise<string[]> =>
  (await query<{ c: string }>(db, `SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'model_calls' ORDER BY ordinal_position`)).map((r) => r.c);

describe('time to first token and output speed in the store', () => {
  it('stores a streamed call\'s timing and NULL (never 0) for whole, replayed and audited calls; reads them back', async () => {
    const db = tmpDb();
    const store = await openStore(db);
    const w = new ConversationWriter(store);
    await w.write([
      { conversation: conv('streamed', [call({ ttftMs: 200, outputTokensPerS: 100 })]) },
      // A streamed call with no output has a first-token time but no speed.
      { conversation: conv('streamed-empty', [call({ ttftMs: 150, usage: { input: 10, output: 0, cacheRead: 0, cacheWrite: 0, reasoning: 0 } })]) },
      { conversation: conv('whole', [call()]) },
      { conversation: conv('replayed', [call({ cached: true })]) },
      { conversation: conv('audited', [call({ usageKnown: false, latencyKnown: false, latencyMs: 0 })]) },
    ]);
    w.close();
    const back = new Map<string, ModelCall>();
    for await (const page of readConversations(store)) for (const c of page) back.set(c.cell.key, c.calls[0]!);
    store.close();

    expect(await timings(db)).toEqual([
      { cell_key: 'audited', ttft_ms: null, output_tokens_per_s: null },
      { cell_key: 'replayed', ttft_ms: null, output_tokens_per_s: null },
      { cell_key: 'streamed', ttft_ms: 200, output_tokens_per_s: 100 },
      { cell_key: 'streamed-empty', ttft_ms: 150, output_tokens_per_s: null },
      { cell_key: 'whole', ttft_ms: null, output_tokens_per_s: null },
    ]);
    expect(back.get('streamed')).toMatchObject({ ttftMs: 200, outputTokensPerS: 100 });
    expect(back.get('streamed-empty')!.ttftMs).toBe(150);
    expect(back.get('streamed-empty')!.outputTokensPerS).toBeUndefined();
    for (const k of ['whole', 'replayed', 'audited']) {
      expect(back.get(k)!.ttftMs, k).toBeUndefined();
      expect(back.get(k)!.outputTokensPerS, k).toBeUndefined();
    }
  });

  it('a schema version 2 file gains the two columns (NULL in its old rows) when opened for writing, once', async () => {
    const db = tmpDb();
    await writeV2File(db);
    expect(await columnsOf(db)).not.toContain('ttft_ms');

    // Opened read-only (a report or an export of an old file), the reader does without the columns.
    const ro = await openStore(db, { readOnly: true });
    const before: Conversation[] = [];
    for await (const page of readConversations(ro)) before.push(...page);
    ro.close();
    expect(before[0]!.calls[0]).toMatchObject({ latencyMs: 12.5 });
    expect(before[0]!.calls[0]!.ttftMs).toBeUndefined();

    for (let i = 0; i < 2; i++) (await openStore(db)).close(); // the second open finds nothing to do
    const cols = await columnsOf(db);
    expect(cols.slice(-2)).toEqual(ADDED_SINCE_V3.map((c) => c.column));
    expect(cols.filter((c) => c === 'ttft_ms')).toHaveLength(1);
    expect(await timings(db)).toEqual([{ cell_key: 'old', ttft_ms: null, output_tokens_per_s: null }]);
    expect(await query(db, 'SELECT input_tokens, latency_ms FROM model_calls')).toEqual([{ input_tokens: 7, latency_ms: 12.5 }]);
    expect(await query(db, `SELECT value FROM meta WHERE key = 'schema_version'`)).toEqual([{ value: String(SCHEMA_VERSION) }]);
    expect(SCHEMA_VERSION).toBe(3);

    // The writer's column order matches a migrated file: a streamed call lands in the right columns.
    const store = await openStore(db);
    const w = new ConversationWriter(store);
    await w.write([{ conversation: conv('new', [call({ ttftMs: 180, outputTokensPerS: 96.5 })]) }]);
    w.close();
    store.close();
    expect(await timings(db, `cell_key = 'new'`)).toEqual([{ cell_key: 'new', ttft_ms: 180, output_tokens_per_s: 96.5 }]);
    expect(await query(db, `SELECT latency_ms, error FROM model_calls WHERE cell_key = 'new'`)).toEqual([{ latency_ms: 700, error: null }]);
  });

  it('a fresh file has the same model_calls columns, in the same order, as a migrated one', async () => {
    const fresh = tmpDb();
    (await openStore(fresh)).close();
    const old = tmpDb();
    await writeV2File(old);
    (await openStore(old)).close();
    expect(await columnsOf(old)).toEqual(await columnsOf(fresh));
  });
});
