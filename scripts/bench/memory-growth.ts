// Memory as a run grows: runs N single-turn cells against a mock and prints heap and RSS every 2,000 cells.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVALUATORS } from '../../evaluators/index.js';
import { startMockOpenAI } from '../../src/mock/openai-server.js';
import { loadSuite } from '../../src/plan/suite.js';
import { stackClient } from '../../src/run/client-stack.js';
import { runSuite } from '../../src/run/runner.js';
import { openStore } from '../../src/store/db.js';

const n = Number(process.argv[2] ?? 20000);
const mock = await startMockOpenAI({ latencyMs: 1 });
const dir = mkdtempSync(join(tmpdir(), 'cxb-grow-'));
const suite = loadSuite('tests/fixtures/suite/config.yaml', { output: dir, epochs: n, models: ['openai-compatible:m'], baseUrl: mock.url, approaches: ['on-the-fly-offers'], personaVariants: 'none' });
suite.config.concurrency = { default: 64, perProvider: {} };
const store = await openStore(join(dir, 'db.duckdb'));
const mb = (x: number): string => (x / 1048576).toFixed(0);
const timer = setInterval(() => {
  if (process.argv.includes("--gc")) (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  console.log(`rss ${mb(m.rss)} heapUsed(after gc) ${mb(m.heapUsed)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)}`);
}, 3000);
await runSuite(suite, store, { evaluators: EVALUATORS, progress: 'silent', sink: 'worker', wrapClient: (c) => stackClient(c, { output: dir, cache: 'off' }) });
clearInterval(timer);
const [d] = await store.all<{ mem: string }>(`SELECT sum(memory_usage_bytes)::VARCHAR AS mem FROM duckdb_memory()`);
console.log('duckdb memory bytes', d?.mem);
store.close();
await mock.close();
