import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query as rows } from '../helpers/db.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { startOpenAIBatchMock } from '../run/batch/mocks/openai.js';
import type { VendorMock } from '../run/batch/mocks/common.js';
import { fixtureResponder } from '../run/batch/harness.js';

let mock: VendorMock;
beforeAll(async () => { mock = await startOpenAIBatchMock({ responder: fixtureResponder }); });
afterAll(async () => { await mock.close(); });


describe('cxbench run --batch', () => {
  it('batches the OpenAI cells, runs the rules arm live and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-cli-batch-'));
    const config = join(dir, 'config.yaml');
    writeFileSync(config, [
      `scenarios: [${ROOT}/tests/fixtures/suite/scenarios/*.yaml]`, `datasets: ${ROOT}/tests/fixtures/suite/datasets`, `output: ${dir}/out`,
      `models: [rules, { id: "openai:gpt-4o-mini", baseUrl: "${mock.url}/v1" }]`,
    ].join('\n'));
    const r = await runCli(['run', '-c', config, '--batch', '--poll-interval', '5', '--progress', 'silent', '--no-report'], { env: { OPENAI_API_KEY: 'test-key-not-a-real-key-0123' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no batch API for rules: its cells ran through the live path');
    expect(r.stdout).toMatch(/batch run \S+: 5 cells planned, 0 already in the database, 5 ran \(5 done, 0 agent errors, 0 infrastructure errors\) in [\d.]+s; 2 batch\(es\) submitted, 2 collected/);
    expect(mock.journal.batches).toHaveLength(2);
    expect(mock.journal.liveCalls).toBe(0);
    const db = join(dir, 'out/cxbench.duckdb');
    expect(await rows(db, `SELECT model, is_batch, count(*) AS n FROM model_calls GROUP BY ALL ORDER BY model`))
      .toEqual([{ model: 'openai:gpt-4o-mini', is_batch: true, n: 10 }, { model: 'rules', is_batch: false, n: expect.any(Number) }]);
    expect(await rows(db, `SELECT model, status, count(*) AS n FROM conversations GROUP BY ALL ORDER BY model`))
      .toEqual([{ model: 'openai:gpt-4o-mini', status: 'done', n: 5 }, { model: 'rules', status: 'done', n: 5 }]);
    // A rerun with nothing left records no run, live or batch.
    const again = await runCli(['run', '-c', config, '--batch', '--poll-interval', '5', '--progress', 'silent', '--no-report'], { env: { OPENAI_API_KEY: 'test-key-not-a-real-key-0123' } });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing to run in batch: all 5 planned batch cells are already in the database, so no batch run was recorded');
    expect(await rows(db, 'SELECT count(*) AS n FROM runs')).toEqual([{ n: 2 }]);
  });

  it('rejects a bad poll interval and --max-cost or --offline with --batch before opening the database', async () => {
    const bad = await runCli(['run', '-c', join(ROOT, 'tests/fixtures/suite/config.yaml'), '--batch', '--poll-interval', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--poll-interval must be a positive whole number');
    const cap = await runCli(['run', '-c', join(ROOT, 'tests/fixtures/suite/config.yaml'), '--batch', '--max-cost', '5']);
    expect(cap.code).toBe(2);
    expect(cap.stderr).toContain('--max-cost is not supported with --batch');
    const off = await runCli(['run', '-c', join(ROOT, 'tests/fixtures/suite/config.yaml'), '--batch', '--offline']);
    expect(off.code).toBe(2);
    expect(off.stderr).toContain('cannot be combined with --batch');
  });
});
