// Throughput against an enforced rate limit with nothing configured: the run paces itself from the mock's rate-limit
// headers (src/run/adaptive-limit.ts). Single-call cells through the real runner and client stack, at a request limit
// and at a token limit, in OpenAI's and Anthropic's header styles, and once with the limit typed by hand for contrast.
// Run: npx tsx scripts/bench/rate-limit.ts [cells=1500]
import { measureThroughput, type ThroughputOptions } from '../../src/mock/throughput.js';

const cells = Number(process.argv[2] ?? 1500);
const cases: Array<{ name: string } & ThroughputOptions> = [
  { name: 'requests bind, openai headers', cells, concurrency: 32, latencyMs: 50, limits: { requests: 100, tokens: 1_000_000, windowMs: 1000, style: 'openai' } },
  { name: 'tokens bind, openai headers', cells, concurrency: 32, latencyMs: 50, limits: { requests: 10_000, tokens: 120_000, windowMs: 1000, style: 'openai' } },
  { name: 'requests bind, anthropic headers', cells, concurrency: 32, latencyMs: 50, limits: { requests: 100, tokens: 1_000_000, windowMs: 1000, style: 'anthropic' } },
  { name: 'tokens bind, anthropic headers', cells, concurrency: 32, latencyMs: 50, limits: { requests: 10_000, tokens: 120_000, windowMs: 1000, style: 'anthropic' } },
  { name: 'requests bind, no budget headers', cells, concurrency: 32, latencyMs: 50, limits: { requests: 100, tokens: 1_000_000, windowMs: 1000, style: 'none' } },
  { name: 'requests bind, 10 s window', cells, concurrency: 64, latencyMs: 200, limits: { requests: 300, tokens: 10_000_000, windowMs: 10_000, style: 'openai' } },
  { name: '10 s window, no budget headers', cells, concurrency: 64, latencyMs: 200, limits: { requests: 300, tokens: 10_000_000, windowMs: 10_000, style: 'none' } },
];
console.log('case                               cells  done  lost  calls  429s  429 share  wall(s)  limit(calls/s)  sustained(calls/s)  efficiency  whole-run eff.  binding');
for (const c of cases) {
  const r = await measureThroughput(c);
  console.log(`${c.name.padEnd(34)} ${String(r.cells).padEnd(6)} ${String(r.done).padEnd(5)} ${String(r.lost).padEnd(5)} ${String(r.calls).padEnd(6)} ${String(r.rejected).padEnd(5)} ` +
    `${(100 * r.rejectedShare).toFixed(2).padStart(6)}%    ${r.wallS.toFixed(1).padEnd(8)} ${r.limitPerS.toFixed(1).padEnd(15)} ${r.achievedPerS.toFixed(1).padEnd(19)} ${r.efficiency.toFixed(3).padEnd(11)} ${r.overallEfficiency.toFixed(3).padEnd(15)} ${r.binding}`);
}
