import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSuite } from '../plan/suite.js';
import { stackClient } from '../run/client-stack.js';
import { runSuite } from '../run/runner.js';
import { openStore } from '../store/db.js';
import type { EnforcedLimits } from './rate-limits.js';
import { startMockOpenAI } from './openai-server.js';

export interface ThroughputOptions {
  cells: number;
  concurrency: number;
  latencyMs: number;
  limits: EnforcedLimits;
  /** Configured limits (the manual limiter) instead of the headers; omitted: adaptive. */
  manual?: { rpm?: number; tpm?: number };
}

export interface ThroughputResult {
  cells: number;
  done: number;
  /** Cells that did not finish as `done` (a provider failure after every retry, or any other). */
  lost: number;
  calls: number;
  rejected: number;
  rejectedShare: number;
  wallS: number;
  /** The enforced limit in calls per second: the tighter of the request limit and the token limit at the mean call size. */
  limitPerS: number;
  /**
   * Calls per second the mock let through from the later of the 10th percentile of their arrivals and the end of the
   * starting budget (a full bucket is a free burst) to the 90th percentile: the sustained rate, without start-up or tail.
   */
  achievedPerS: number;
  efficiency: number;
  /** Over the whole run: (admitted - starting budget) / (refill x time from the first admitted call to the last). */
  overallEfficiency: number;
  binding: 'requests' | 'tokens';
}

/**
 * Runs single-call cells through the real runner and client stack (cache off, scoring on, DuckDB store) against a
 * loopback mock that enforces a request and a token limit. Efficiency counts what a token bucket can give at most in
 * the time the calls took: its starting budget plus its refill, so (admitted - starting budget) / (refill rate x
 * time from the first admitted call to the last).
 */
export async function measureThroughput(o: ThroughputOptions): Promise<ThroughputResult> {
  const { EVALUATORS } = await import('../../evaluators/index.js');
  const mock = await startMockOpenAI({ latencyMs: o.latencyMs, limits: o.limits });
  const dir = mkdtempSync(join(tmpdir(), 'cxb-ratelimit-'));
  try {
    const suite = loadSuite('tests/fixtures/suite/config.yaml', {
      output: dir, epochs: o.cells, models: ['openai-compatible:limited'], baseUrl: mock.url, approaches: ['on-the-fly-offers'], personaVariants: 'none',
    });
    suite.config.concurrency = { default: o.concurrency, perProvider: {} };
    if (o.manual) for (const m of suite.models) Object.assign(m, o.manual);
    const store = await openStore(join(dir, 'run.duckdb'));
    const t0 = performance.now();
    const summary = await runSuite(suite, store, { evaluators: EVALUATORS, progress: 'silent', wrapClient: (c) => stackClient(c, { output: dir, cache: 'off' }) });
    const wallS = (performance.now() - t0) / 1000;
    store.close();
    const done = summary.done;
    const a = mock.admitted;
    const meanTokens = a.reduce((s, x) => s + x.tokens, 0) / Math.max(1, a.length);
    const perWindow = Math.min(o.limits.requests, o.limits.tokens / meanTokens);
    const limitPerS = perWindow / (o.limits.windowMs / 1000);
    const spanS = a.length > 1 ? (a.at(-1)!.at - a[0]!.at) / 1000 : NaN;
    // A run that never spent the starting budget never met the limit: no efficiency to give.
    const overallPerS = a.length > perWindow ? (a.length - perWindow) / spanS : NaN;
    const lo = Math.max(Math.floor(a.length * 0.1), Math.ceil(perWindow));
    const hi = Math.floor(a.length * 0.9);
    const achievedPerS = a.length > perWindow && hi > lo ? (hi - lo) / ((a[hi]!.at - a[lo]!.at) / 1000) : NaN;
    return {
      cells: o.cells, done, lost: o.cells - done, calls: mock.journal.total, rejected: mock.journal.limited,
      rejectedShare: mock.journal.limited / Math.max(1, mock.journal.total), wallS, limitPerS, achievedPerS,
      efficiency: achievedPerS / limitPerS, overallEfficiency: overallPerS / limitPerS, binding: o.limits.requests <= o.limits.tokens / meanTokens ? 'requests' : 'tokens',
    };
  } finally {
    await mock.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
