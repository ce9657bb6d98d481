import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockOpenAI, type ChatRequest, type MockServer } from '../../../src/mock/openai-server.js';

// The benchmark's two floors make the calls they claim to make: N chat completions, the SDK floor through the
// harness's backend with the approach's tools, and each prints its wall time and peak RSS.
let mock: MockServer | undefined;
afterEach(async () => { await mock?.close(); mock = undefined; });

async function runFloor(script: string, n: number, c: number, url: string): Promise<{ wallMs: number; maxRssMb: number }> {
  const child = spawn(process.execPath, [script, String(n), String(c), url], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const [code] = (await once(child, 'close')) as [number];
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out.trim()) as { wallMs: number; maxRssMb: number };
}

describe('benchmark floors', () => {
  for (const [script, tools] of [['scripts/bench/floor-process.ts', []], ['scripts/bench/sdk-floor-process.ts', ['make_offer', 'escalate_to_human']]] as const) {
    it(`${script} makes N calls at concurrency C and reports wall time and peak RSS`, async () => {
      const seen: ChatRequest[] = [];
      mock = await startMockOpenAI({ latencyMs: 20, responder: (req) => { seen.push(req); return { content: 'ok' }; } });
      const r = await runFloor(script, 12, 4, mock.url);
      expect(mock.journal.total).toBe(12);
      expect(seen.every((q) => q.model === 'bench')).toBe(true);
      expect(seen[0]?.tools?.map((t) => t.function.name) ?? []).toEqual(tools);
      // 12 calls of 20 ms, 4 at a time: at least 3 rounds.
      expect(r.wallMs).toBeGreaterThanOrEqual(60);
      expect(r.maxRssMb).toBeGreaterThan(10);
    });
  }
});
