// `npm run bench`: harness overhead against a loopback provider with fixed latency. A script, not a timed test.
// Usage: npm run bench [-- --scale]   (--scale adds the N = 50,000 memory run)
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

const tsx = (script: string, args: (string | number)[]): string[] => ['--import', 'tsx', script, ...args.map(String)];

async function startMock(latency: number): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, tsx('scripts/bench/mock-process.ts', [latency]), { stdio: ['ignore', 'pipe', 'inherit'] });
  const rl = createInterface({ input: child.stdout });
  const [url] = (await once(rl, 'line')) as [string];
  return { url, stop: () => child.kill('SIGTERM') };
}

async function measure(script: string, args: (string | number)[]): Promise<{ wallMs: number; maxRssMb: number; done?: number }> {
  const child = spawn(process.execPath, tsx(script, args), { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const [code] = (await once(child, 'close')) as [number];
  if (code !== 0) throw new Error(`${script} exited ${code}`);
  return JSON.parse(out.trim().split('\n').at(-1)!) as { wallMs: number; maxRssMb: number; done?: number };
}

const runs = [
  { L: 50, C: 16, N: 2000 },
  { L: 50, C: 64, N: 2000 },
  ...(process.argv.includes('--scale') ? [{ L: 50, C: 64, N: 50_000 }] : []),
];
console.log('L(ms)  C    N       ideal(s)  floor(s)  harness(s)  efficiency  floor-eff  cells/s  peak RSS(MB)');
for (const { L, C, N } of runs) {
  const mock = await startMock(L);
  try {
    const ideal = (N * L) / C / 1000;
    const floor = await measure('scripts/bench/floor-process.ts', [N, C, mock.url]);
    const h = await measure('scripts/bench/harness-process.ts', [N, C, mock.url]);
    if (h.done !== N) throw new Error(`harness finished ${h.done} of ${N} cells`);
    const wall = h.wallMs / 1000;
    console.log([L, C, N].map((x) => String(x).padEnd(6)).join(' ') + '  ' + [ideal, floor.wallMs / 1000, wall].map((x) => x.toFixed(2).padEnd(9)).join(' ') +
      '  ' + (ideal / wall).toFixed(3).padEnd(10) + '  ' + (ideal / (floor.wallMs / 1000)).toFixed(3).padEnd(9) + '  ' + (N / wall).toFixed(0).padEnd(7) + '  ' + h.maxRssMb.toFixed(0));
  } finally {
    mock.stop();
  }
}
