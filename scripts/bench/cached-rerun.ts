// A fully cached rerun: N cells against a loopback mock fill the response cache, then the same N cells run again
// into a fresh database. Prints both wall times and how many requests the mock saw during the rerun (should be 0).
// Run: npx tsx scripts/bench/cached-rerun.ts [N=10000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVALUATORS } from '../../evaluators/index.js';
import { startMockOpenAI } from '../../src/mock/openai-server.js';
import { loadSuite } from '../../src/plan/suite.js';
import { stackClient } from '../../src/run/client-stack.js';
import { runSuite } from '../../src/run/runner.js';
import { openStore } from '../../src/store/db.js';

const n = Number(process.argv[2] ?? 10_000);
const mock = await startMockOpenAI({ latencyMs: 50 });
const dir = mkdtempSync(join(tmpdir(), 'cxb-cached-'));
const suite = loadSuite('tests/fixtures/suite/config.yaml', { output: dir, epochs: n, models: ['openai-compatible:cached'], baseUrl: mock.url, approaches: ['on-the-fly-offers'], personaVariants: 'none' });
suite.config.concurrency = { default: 64, perProvider: {} };
// Epochs differ only in the cell key, not in the request, so give each epoch its own request (a different seed).
const once = async (db: string): Promise<number> => {
  const store = await openStore(join(dir, db));
  const t0 = performance.now();
  await runSuite(suite, store, { evaluators: EVALUATORS, progress: 'silent', sink: 'worker', wrapClient: (c) => stackClient(c, { output: dir, cache: 'use' }) });
  const ms = performance.now() - t0;
  store.close();
  return ms;
};
const fill = await once('first.duckdb');
const callsBefore = mock.journal.total;
const rerun = await once('second.duckdb');
console.log(`N = ${n}: first run ${(fill / 1000).toFixed(2)} s (${callsBefore} provider calls); cached rerun ${(rerun / 1000).toFixed(2)} s with ${mock.journal.total - callsBefore} provider calls`);
await mock.close();
rmSync(dir, { recursive: true, force: true });
