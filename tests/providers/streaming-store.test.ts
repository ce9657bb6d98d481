import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EVALUATORS } from '../../evaluators/index.js';
import { startMockOpenAI } from '../../src/mock/openai-server.js';
import { loadSuite } from '../../src/plan/suite.js';
import { loadDefinitions } from '../../src/render/definitions.js';
import { normalizeRow } from '../../src/render/query.js';
import { renderSvg, withValues } from '../../src/render/vega.js';
import { stackClient } from '../../src/run/client-stack.js';
import { runSuite } from '../../src/run/runner.js';
import { openStore } from '../../src/store/db.js';
import { query } from '../helpers/db.js';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

interface CallRow { model: string; role: string; output_tokens: number; latency_ms: number; ttft_ms: number | null; output_tokens_per_s: number | null }

describe('a run with one streamed and one whole-reply model', () => {
  it('stores time to first token (0 < ttft <= latency) and output speed for every streamed agent call, NULL for the others, and the latency chart draws them', async () => {
    const mock = await startMockOpenAI({
      streamGapMs: 3,
      responder: () => ({ content: "I'm an AI assistant. Returns are accepted within 30 days of delivery; I can start one for order A1 now." }),
    });
    const dir = mkdtempSync(join(tmpdir(), 'cxb-ttft-'));
    dirs.push(dir);
    const db = join(dir, 'run.duckdb');
    try {
      const suite = loadSuite('tests/fixtures/suite/config.yaml', { output: dir, models: ['openai-compatible:streamer', 'openai-compatible:whole'], baseUrl: mock.url });
      suite.config.concurrency = { default: 2, perProvider: {} };
      for (const m of suite.models) m.stream = m.model === 'streamer';
      const store = await openStore(db);
      const summary = await runSuite(suite, store, { evaluators: EVALUATORS, progress: 'silent', wrapClient: (c) => stackClient(c, { output: dir, cache: 'off' }) });
      store.close();
      expect(summary.done).toBe(summary.planned);
    } finally {
      await mock.close();
    }

    const rows = await query<CallRow>(db, `SELECT c.model, mc.role, mc.output_tokens, mc.latency_ms, mc.ttft_ms, mc.output_tokens_per_s
      FROM model_calls mc JOIN conversations c USING (cell_key) WHERE mc.error IS NULL`);
    const streamed = rows.filter((r) => r.role === 'agent' && r.model.endsWith('streamer'));
    const others = rows.filter((r) => !(r.role === 'agent' && r.model.endsWith('streamer')));
    expect(streamed.length).toBeGreaterThan(0);
    expect(others.some((r) => r.model.endsWith('whole'))).toBe(true);
    for (const r of streamed) {
      expect(r.ttft_ms).toBeGreaterThan(0);
      expect(r.ttft_ms).toBeLessThanOrEqual(r.latency_ms);
      // Output tokens over the time after the first token, as callTiming computes it.
      if (r.output_tokens > 0 && r.latency_ms > r.ttft_ms!) expect(r.output_tokens_per_s).toBeCloseTo((r.output_tokens * 1000) / (r.latency_ms - r.ttft_ms!), 6);
      else expect(r.output_tokens_per_s).toBeNull();
    }
    for (const r of others) expect([r.model, r.role, r.ttft_ms, r.output_tokens_per_s]).toEqual([r.model, r.role, null, null]);

    // The managers' latency chart: first-token rows only for the streamed model, never a NULL drawn.
    const chart = loadDefinitions().charts.find((c) => c.id === 'latency')!;
    const reopened = await openStore(db, { readOnly: true });
    const points = (await reopened.all<Record<string, unknown>>(chart.sql)).map(normalizeRow);
    reopened.close();
    const ttftModels = new Set(points.filter((p) => p.measure === 'time to first token').map((p) => String(p.model)));
    expect([...ttftModels].map((m) => m.endsWith('streamer'))).toEqual([true]);
    expect(points.filter((p) => p.measure === 'time to first token')).toHaveLength(streamed.length);
    expect(points.every((p) => typeof p.ms === 'number')).toBe(true);
    const { svg } = await renderSvg(withValues(chart.spec, points), 'latency');
    expect(svg).toContain('time to first token');
    expect(svg).toContain('total latency');
  }, 60_000);
});
