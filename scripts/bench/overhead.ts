// `npm run bench`: harness overhead against a loopback provider with fixed latency. A script, not a timed test.
// Usage: npm run bench [-- --scale]   (--scale adds the N = 50,000 memory run)
//
// The harness is the real command, as a user runs it: `node bin/cxbench.js run` (compiled, from dist/) with cache off,
// scoring with every deterministic evaluator and storing to DuckDB. The mock and the floor run in their own processes.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import RUN_FLAGS from '../../bin/run-flags.json' with { type: 'json' };

const node = (script: string, args: (string | number)[]): string[] => [script, ...args.map(String)];

async function startMock(latency: number): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...node('scripts/bench/mock-process.ts', [latency])], { stdio: ['ignore', 'pipe', 'inherit'] });
  const rl = createInterface({ input: child.stdout });
  const [url] = (await once(rl, 'line')) as [string];
  return { url, stop: () => child.kill('SIGTERM') };
}

interface FloorRun { wallMs: number; maxRssMb: number }

/** A floor process: `floor-process.ts` (bare HTTP) or `sdk-floor-process.ts` (the harness's SDK backend alone). */
async function floor(script: string, n: number, c: number, url: string, opts: { v8?: string[]; env?: Record<string, string> } = {}): Promise<FloorRun> {
  const child = spawn(process.execPath, [...(opts.v8 ?? []), ...node(script, [n, c, url])], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...opts.env, ...process.env } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const [code] = (await once(child, 'close')) as [number];
  if (code !== 0) throw new Error(`${script} exited ${code}`);
  return JSON.parse(out.trim().split('\n').at(-1)!) as FloorRun;
}

interface HarnessRun { runMs: number; processMs: number; peakRssMb: number; done: number }

/** Peak RSS of the child: its kernel high-water mark (VmHWM), read until it exits. */
async function harness(n: number, c: number, url: string): Promise<HarnessRun> {
  const dir = mkdtempSync(join(tmpdir(), 'cxb-bench-'));
  const fixture = resolve('tests/fixtures/suite');
  const config = join(dir, 'bench.yaml');
  writeFileSync(config, `name: bench\nscenarios: [${fixture}/scenarios/*.yaml]\ndatasets: ${fixture}/datasets\nmodels: [rules]\nconcurrency: { default: ${c} }\n`);
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/cxbench.js', 'run', '-c', config, '-m', 'openai-compatible:bench', '--base-url', url, '-a', 'on-the-fly-offers',
    '--variants', 'none', '-e', String(n), '--no-cache', '--no-report', '--progress', 'silent', '-o', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  let hwmKb = 0;
  const poll = setInterval(() => {
    try { hwmKb = Math.max(hwmKb, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0)); } catch { /* exited */ }
  }, 5);
  const [code] = (await once(child, 'close')) as [number];
  const processMs = performance.now() - t0;
  clearInterval(poll);
  rmSync(dir, { recursive: true, force: true });
  const m = /\((\d+) done, .* in ([\d.]+)s/.exec(out);
  if (code !== 0 || !m) throw new Error(`cxbench run exited ${code}:\n${out}`);
  return { runMs: Number(m[2]) * 1000, processMs, peakRssMb: hwmKb / 1024, done: Number(m[1]) };
}

const runs = [
  { L: 50, C: 16, N: 2000 },
  { L: 50, C: 64, N: 2000 },
  ...(process.argv.includes('--scale') ? [{ L: 50, C: 64, N: 50_000 }] : []),
];
console.log('floor = a bare HTTP client; sdk = the harness\'s openai-compatible backend (official SDK) alone, under the run\'s V8 flags;');
console.log('run = the run itself (plan, calls, scoring, storing); process = the whole command, start-up and database open included');
console.log('L(ms)  C    N       ideal(s)  floor(s)  sdk(s)    run(s)    process(s)  efficiency  floor-eff  sdk-eff  cells/s  peak RSS(MB)  sdk RSS(MB)');
for (const { L, C, N } of runs) {
  const mock = await startMock(L);
  try {
    const ideal = (N * L) / C / 1000;
    const bare = await floor('scripts/bench/floor-process.ts', N, C, mock.url);
    const sdk = await floor('scripts/bench/sdk-floor-process.ts', N, C, mock.url, RUN_FLAGS);
    const h = await harness(N, C, mock.url);
    if (h.done !== N) throw new Error(`harness finished ${h.done} of ${N} cells`);
    const [floorS, sdkS, run] = [bare.wallMs / 1000, sdk.wallMs / 1000, h.runMs / 1000];
    console.log([L, C, N].map((x) => String(x).padEnd(6)).join(' ') + '  ' + [ideal, floorS, sdkS, run].map((x) => x.toFixed(2).padEnd(9)).join(' ') + ' ' +
      (h.processMs / 1000).toFixed(2).padEnd(11) + ' ' + (ideal / run).toFixed(3).padEnd(10) + '  ' + (ideal / floorS).toFixed(3).padEnd(9) + '  ' +
      (ideal / sdkS).toFixed(3).padEnd(7) + '  ' + (N / run).toFixed(0).padEnd(7) + '  ' + h.peakRssMb.toFixed(0).padEnd(12) + '  ' + sdk.maxRssMb.toFixed(0));
  } finally {
    mock.stop();
  }
}
