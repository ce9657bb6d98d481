import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { EVALUATORS } from '../../../evaluators/index.js';
import type { Conversation } from '../../../src/core/conversation.js';
import { loadSuite } from '../../../src/plan/suite.js';
import { runSuite } from '../../../src/run/runner.js';
import { FLUSH_AFTER_MS } from '../../../src/run/sink/worker-protocol.js';
import { workerSink } from '../../../src/run/sink/worker-sink.js';
import { openStore } from '../../../src/store/db.js';
import { agent, customer, conversation, resolved, SCRIPT } from '../../evaluators/fixtures.js';

// Handle time is measured latency, different in every run; every other score must match.
async function scoresOf(sink: 'worker' | 'inline'): Promise<unknown[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cxb-sink-'));
  const suite = loadSuite('tests/fixtures/suite/config.yaml', { output: dir });
  const store = await openStore(join(dir, 'db.duckdb'));
  await runSuite(suite, store, { evaluators: EVALUATORS, progress: 'silent', sink });
  const rows = await store.all(`SELECT cell_key, metric, value, explanation, evidence_json, evaluator FROM scores WHERE metric <> 'resolution.handle_time_ms' ORDER BY cell_key, metric`);
  store.close();
  return rows;
}

const cell = (key: string): Conversation => {
  const c = conversation([customer(SCRIPT[0]!), agent(`I'm an AI assistant. Sorry about the jacket (${key}).`)]);
  return { ...c, cell: { ...c.cell, key } };
};
const tempStore = async (): Promise<ReturnType<typeof openStore>> => openStore(join(mkdtempSync(join(tmpdir(), 'cxb-sink-')), 'db.duckdb'));

describe('the store worker', () => {
  it('gives exactly the scores in-line scoring gives', async () => {
    const inline = await scoresOf('inline');
    const pooled = await scoresOf('worker');
    expect(inline.length).toBeGreaterThan(50);
    expect(pooled).toEqual(inline);
  });

  it('ships a scenario again after the worker has evicted it', async () => {
    const store = await tempStore();
    const a = resolved();
    const b = resolved((s) => ({ ...s, id: 'other-scenario' }));
    // Room for one scenario on each side: every switch evicts, so a sender that lost track would leave the worker
    // without the scenario and the worker would fail the write.
    const sink = workerSink(store, { batchSize: 2, internCapacity: 1 });
    for (const [i, r] of [a, b, a, a, b, a].entries()) await sink.put({ conversation: cell(`c${i}`), resolved: r, replace: false });
    await sink.close();
    const [row] = await store.all<{ cells: bigint; scored: bigint }>('SELECT count(DISTINCT c.cell_key) AS cells, count(DISTINCT s.cell_key) AS scored FROM conversations c LEFT JOIN scores s USING (cell_key)');
    expect(row).toEqual({ cells: 6n, scored: 6n });
    store.close();
  });

  it('commits a partial batch after a pause instead of holding it until the run ends', async () => {
    const store = await tempStore();
    const sink = workerSink(store, { batchSize: 64 });
    await sink.put({ conversation: cell('only'), resolved: resolved(), replace: false });
    expect(sink.unwritten()).toBe(1);
    // No more cells and no close: only the timer can commit it. The worker may still be loading on a slow machine,
    // so wait for the commit (well past FLUSH_AFTER_MS) rather than a fixed time.
    for (const until = Date.now() + FLUSH_AFTER_MS + 20_000; sink.unwritten() > 0 && Date.now() < until;) await sleep(100);
    expect(sink.unwritten()).toBe(0);
    await sink.close();
    store.close();
  });

  it('stores long replies within its bounded DuckDB pool', async () => {
    const store = await tempStore();
    const sink = workerSink(store, { batchSize: 64 });
    const r = resolved();
    // 256 cells of 16 kB replies: four full batches whose strings overflow into DuckDB's string blocks. A pool too
    // small for the open appenders fails here ("could not allocate block": 4 MB does). Long runs need more headroom
    // than this test shows (a 50,000-cell run failed at 24 MB while checkpointing; docs/performance.md).
    const long = (i: number): Conversation => {
      const c = conversation([customer(SCRIPT[0]!), agent(`Reply ${i}: ${'we are sorry about the delay and can offer free shipping. '.repeat(280)}`)]);
      return { ...c, cell: { ...c.cell, key: `long${i}` } };
    };
    for (let i = 0; i < 256; i++) await sink.put({ conversation: long(i), resolved: r, replace: false });
    await sink.close();
    const [row] = await store.all<{ n: bigint; chars: bigint }>(`SELECT count(*) AS n, sum(length(text))::BIGINT AS chars FROM messages WHERE speaker = 'agent'`);
    expect(row!.n).toBe(256n);
    expect(row!.chars).toBeGreaterThan(256n * 16_000n);
    store.close();
  }, 60_000);

  it('leaves the database with the runner when the run fails before its first cell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-sink-'));
    const suite = loadSuite('tests/fixtures/suite/config.yaml', { output: dir, models: ['openai:gpt-4o-mini'] });
    const store = await openStore(join(dir, 'db.duckdb'));
    const saved = process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_API_KEY;
    try {
      await expect(runSuite(suite, store, { evaluators: EVALUATORS, progress: 'silent', sink: 'worker' })).rejects.toThrow(/OPENAI_API_KEY/);
    } finally {
      if (saved !== undefined) process.env.OPENAI_API_KEY = saved;
    }
    // Still this thread's: a worker that had been lent the file would have left the store released.
    expect(await store.all('SELECT count(*)::INT AS n FROM runs')).toEqual([{ n: 0 }]);
    store.close();
  });

  it('reports a failed write, keeps what was committed and hands the database back', async () => {
    const store = await tempStore();
    const r = resolved();
    const first = workerSink(store, { batchSize: 1 });
    await first.put({ conversation: cell('dup'), resolved: r, replace: false });
    await first.close();
    // The same key again without `replace`: the primary key refuses it inside the worker's transaction.
    const second = workerSink(store, { batchSize: 1 });
    await second.put({ conversation: cell('dup'), resolved: r, replace: false }).catch(() => undefined);
    await expect(second.close()).rejects.toThrow(/constraint|duplicate/i);
    const rows = await store.all<{ n: bigint }>(`SELECT count(*) AS n FROM conversations WHERE cell_key = 'dup'`);
    expect(rows).toEqual([{ n: 1n }]);
    store.close();
  });
});
