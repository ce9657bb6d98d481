// Where does the harness's memory go? Prints RSS, V8 heap and external memory after each phase of a run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const mb = (n: number): string => (n / 1048576).toFixed(0);
const show = (label: string): void => {
  const m = process.memoryUsage();
  console.log(`${label.padEnd(28)} rss ${mb(m.rss)} heapUsed ${mb(m.heapUsed)} heapTotal ${mb(m.heapTotal)} external ${mb(m.external)}`);
};
show('start');
const { EVALUATORS } = await import('../../evaluators/index.js');
const { loadSuite } = await import('../../src/plan/suite.js');
const { runSuite } = await import('../../src/run/runner.js');
const { openStore } = await import('../../src/store/db.js');
show('modules loaded');
const dir = mkdtempSync(join(tmpdir(), 'cxb-mem-'));
const suite = loadSuite(undefined, { output: dir });
show('suite loaded (60 scenarios)');
const store = await openStore(join(dir, 'db.duckdb'));
show('duckdb open');
await runSuite(suite, store, { evaluators: EVALUATORS, progress: 'silent' });
show('after default suite (rules)');
globalThis.gc?.();
show('after gc');
store.close();
