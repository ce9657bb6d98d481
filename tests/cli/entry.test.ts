import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { query } from '../helpers/db.js';

/** Runs the built command (bin/cxbench.js → dist/), as `npx cxbench` does, on the offline fixture suite. */
function runBuilt(env: Record<string, string> = {}): { code: number | null; flags: Promise<string[]>; stderr: string } {
  const out = mkdtempSync(join(tmpdir(), 'cxb-entry-'));
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/cxbench.js'), 'run', '-c', 'tests/fixtures/suite/config.yaml', '-o', out, '--no-report', '--progress', 'silent'],
    { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
  const flags = query<{ m: string }>(join(out, 'cxbench.duckdb'), 'SELECT manifest_json AS m FROM runs').then((rows) => (JSON.parse(rows[0]!.m) as { nodeFlags: string[] }).nodeFlags);
  return { code: r.status, flags, stderr: r.stderr };
}

describe('the cxbench entry point', () => {
  it('runs with the small-heap flags the run was measured with, and records them in the manifest', async () => {
    const r = runBuilt();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await r.flags).toEqual(expect.arrayContaining(['--max-semi-space-size=2', '--heap-growing-percent=25']));
  });

  it("leaves a user's own heap flags alone", async () => {
    const r = runBuilt({ NODE_OPTIONS: '--max-semi-space-size=16' });
    expect(r.code).toBe(0);
    expect(await r.flags).not.toContain('--heap-growing-percent=25');
  });
});
