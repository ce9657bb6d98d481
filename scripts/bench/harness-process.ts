// One measured harness run: N single-turn cells at concurrency C through the openai-compatible backend, cache off,
// stored to DuckDB and scored with the deterministic evaluators in a worker thread, as `cxbench run` does. Prints one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVALUATORS } from '../../evaluators/index.js';
import { loadSuite } from '../../src/plan/suite.js';
import { stackClient } from '../../src/run/client-stack.js';
import { runSuite } from '../../src/run/runner.js';
import { openStore } from '../../src/store/db.js';

const [n, c, url] = [Number(process.argv[2]), Number(process.argv[3]), String(process.argv[4])];
const dir = mkdtempSync(join(tmpdir(), 'cxb-bench-'));
const suite = loadSuite('tests/fixtures/suite/config.yaml', {
  output: dir, epochs: n, models: ['openai-compatible:bench'], baseUrl: url, approaches: ['on-the-fly-offers'], personaVariants: 'none',
});
suite.config.concurrency = { default: c, perProvider: {} };
const store = await openStore(join(dir, 'bench.duckdb'));
const t0 = performance.now();
const s = await runSuite(suite, store, { evaluators: EVALUATORS, scoreWorkers: 1, progress: 'silent', wrapClient: (cl) => stackClient(cl, { output: dir, cache: 'off' }) });
const wallMs = performance.now() - t0;
const [row] = await store.all<{ n: bigint }>('SELECT count(*) AS n FROM conversations');
store.close();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ wallMs, done: s.done, stored: Number(row!.n), maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
