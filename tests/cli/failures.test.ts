import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { query } from '../helpers/db.js';

/** A loopback port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('the end of a run says why cells failed', () => {
  it('a run whose cells all fail prints the cause with its count, first message and where to read every message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-fail-'));
    cpSync(join(ROOT, 'tests/fixtures/suite'), join(dir, 'suite'), { recursive: true });
    const config = join(dir, 'config.yaml');
    writeFileSync(config, [
      'name: all-fail',
      `scenarios: [${dir}/suite/scenarios/*.yaml]`,
      `datasets: ${dir}/suite/datasets`,
      `models: [{ id: "openai-compatible:llama3.1", baseUrl: "http://127.0.0.1:${await closedPort()}/v1", maxRetries: 0, timeoutMs: 5000 }]`,
      `output: ${dir}/out`, '',
    ].join('\n'));
    const r = await runCli(['run', '-c', config, '--no-report', '--no-cache', '--progress', 'silent']);
    expect(r.code).toBe(1);
    const db = join(dir, 'out/cxbench.duckdb');
    const [row] = await query<{ run_id: string; msg: string }>(db, `SELECT any_value(run_id) AS run_id, min(error_message) AS msg FROM conversations`);
    expect(r.stdout).toContain('5 infrastructure errors');
    expect(r.stdout).toContain('failures by cause:');
    expect(r.stdout).toContain(`  5 infrastructure errors (infra:network) on openai-compatible:llama3.1: "${row!.msg}"`);
    expect(row!.msg).toMatch(/unreachable|connect/i);
    expect(r.stdout).toContain(`every message: \`cxbench view ${db}\``);
    expect(r.stdout).toContain(`WHERE run_id = '${row!.run_id}' AND status <> 'done'`);
    expect(r.stdout).toContain('docs/reliability.md');
  });

  it('a run without failures prints no failure section', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-ok-'));
    const r = await runCli(['run', '-c', 'tests/fixtures/suite/config.yaml', '-o', dir, '--no-report', '--progress', 'silent']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('failures by cause');
  });
});
