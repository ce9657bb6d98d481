import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EVALUATORS } from '../../evaluators/index.js';
import { startMockOpenAI, type MockServer } from '../../src/mock/openai-server.js';
import { loadSuite } from '../../src/plan/suite.js';
import { stackClient } from '../../src/run/client-stack.js';
import { runSuite } from '../../src/run/runner.js';
import { openStore } from '../../src/store/db.js';
import { query } from '../helpers/db.js';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

/** A fresh mock per run: its call ids count its own requests, so both runs see the same ids. */
let streamedRequests = 0;
const startMock = (): Promise<MockServer> =>
  startMockOpenAI({
    streamGapMs: 2,
    responder: (req) => {
      if (req.stream) streamedRequests++;
      const last = req.messages.at(-1);
      if (String(req.messages[0]?.content).includes('commercial offers') && last?.role === 'user') {
        return { content: 'I am an AI assistant. I can offer 10% off the coat today.', toolCalls: [{ name: 'make_offer', arguments: { discountPct: 10, price: 162, bundle: ['tst-coat'] } }] };
      }
      return { content: "I'm an AI assistant. Returns are accepted within 30 days of delivery; I can start one for order A1 now." };
    },
  });

/** The fixture suite on one model through the real runner and client stack, one cell at a time (same request order). */
async function run(stream: boolean): Promise<string> {
  const mock = await startMock();
  const dir = mkdtempSync(join(tmpdir(), 'cxb-stream-'));
  dirs.push(dir);
  const suite = loadSuite('tests/fixtures/suite/config.yaml', { output: dir, models: ['openai-compatible:streamer'], baseUrl: mock.url });
  suite.config.concurrency = { default: 1, perProvider: {} };
  for (const m of suite.models) m.stream = stream;
  const db = join(dir, 'run.duckdb');
  const store = await openStore(db);
  const summary = await runSuite(suite, store, { evaluators: EVALUATORS, progress: 'silent', wrapClient: (c) => stackClient(c, { output: dir, cache: 'off' }) });
  store.close();
  await mock.close();
  expect(summary.done).toBe(summary.planned);
  return db;
}

describe('a streamed run and a whole-reply run of the same suite', () => {
  it('store the same transcripts, tool calls, token counts and scores (timing aside)', async () => {
    const whole = await run(false);
    expect(streamedRequests).toBe(0);
    const streamed = await run(true);
    expect(streamedRequests).toBeGreaterThan(0);
    for (const sql of [
      'SELECT cell_key, idx, speaker, text, tool_call_id, tool_name FROM messages ORDER BY cell_key, idx',
      'SELECT cell_key, msg_idx, call_id, name, args_json FROM tool_calls ORDER BY cell_key, msg_idx, call_id',
      'SELECT cell_key, idx, input_tokens, output_tokens FROM model_calls ORDER BY cell_key, idx',
      // Every score but the handle time, which is the calls' wall time and so differs between any two runs.
      "SELECT cell_key, metric, value, explanation, evidence_json FROM scores WHERE metric <> 'resolution.handle_time_ms' ORDER BY cell_key, metric",
    ]) {
      const a = await query(whole, sql);
      expect(a.length).toBeGreaterThan(0);
      expect(await query(streamed, sql)).toEqual(a);
    }
  }, 60_000);
});
