import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { query } from '../helpers/db.js';
import { ROOT, runCli } from '../helpers/cli.js';

function fixtureCopy(): { dir: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cxb-cli-'));
  cpSync(join(ROOT, 'tests/fixtures/suite'), join(dir, 'suite'), { recursive: true });
  const config = join(dir, 'config.yaml');
  writeFileSync(config, `name: cli-test\nscenarios: [${dir}/suite/scenarios/*.yaml]\ndatasets: ${dir}/suite/datasets\nmodels: [rules]\noutput: ${dir}/out\n`);
  return { dir, config };
}

const count = async (db: string, sql: string): Promise<number> => Number(Object.values((await query(db, sql))[0]!)[0]);

describe('cxbench CLI', () => {
  it('prints help for every command', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['run', 'list', 'validate', 'report', 'score']) expect(r.stdout).toContain(cmd);
    const sub = await runCli(['run', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--base-url');
  });

  it('exits 2 on a usage error', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
  });

  it('runs the fixture suite, stores it, and resumes without duplicating', async () => {
    const { dir, config } = fixtureCopy();
    const first = await runCli(['run', '-c', config, '--progress', 'plain']);
    expect(first.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`database: ${dir}/out/cxbench.duckdb`);
    const db = join(dir, 'out/cxbench.duckdb');
    expect(await count(db, 'SELECT count(*) FROM conversations')).toBe(5);
    expect(await count(db, 'SELECT count(*) FROM messages')).toBeGreaterThanOrEqual(5 * 2);
    const second = await runCli(['run', '-c', config, '--progress', 'silent']);
    expect(second.code).toBe(0);
    // A rerun with nothing new records no run, so the report's "N run(s)" stays the number of runs that ran.
    expect(second.stdout).toContain('nothing to run: all 5 planned cells are already in the database, so no run was recorded');
    expect(second.stderr).toBe('');
    expect(await count(db, 'SELECT count(*) FROM conversations')).toBe(5);
    expect(await count(db, 'SELECT count(DISTINCT run_id) FROM runs')).toBe(1);
    const report = await runCli(['report', '-c', config]);
    expect(report.code).toBe(0);
    expect(readFileSync(join(dir, 'out/report/report.html'), 'utf8')).toMatch(/\b1 run\(s\)/);
  });

  it('validate names the file and field of a broken scenario, exits 2, and leaves the database untouched', async () => {
    const { dir, config } = fixtureCopy();
    expect((await runCli(['run', '-c', config, '--progress', 'silent'])).code).toBe(0);
    const db = join(dir, 'out/cxbench.duckdb');
    const before = readFileSync(db);
    const mtime = statSync(db).mtimeMs;
    const file = join(dir, 'suite/scenarios/return.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('intensity: 4', 'intensity: eleven'));
    const v = await runCli(['validate', '-c', config]);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain('return.yaml:16');
    expect(v.stderr).toContain('customer.turns.0.emotion.intensity');
    expect(v.stderr).not.toMatch(/\n\s+at /);
    const r = await runCli(['run', '-c', config]);
    expect(r.code).toBe(2);
    expect(statSync(db).mtimeMs).toBe(mtime);
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('validate reports references that do not resolve', async () => {
    const { dir, config } = fixtureCopy();
    const file = join(dir, 'suite/scenarios/offer.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('tst-scarf]', 'tst-gloves]').replace('maxDiscountPct: 10', 'maxDiscountPct: 25'));
    const v = await runCli(['validate', '-c', config]);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain('refs.catalog.1');
    expect(v.stderr).toContain('"tst-gloves"');
    expect(v.stderr).toMatch(/bounds\.maxDiscountPct.*at most 10/);
  });

  it('names the variable to set when a key is missing, before any call', async () => {
    const { config } = fixtureCopy();
    const r = await runCli(['run', '-c', config, '-m', 'anthropic:claude-sonnet-4-5'], { env: { ANTHROPIC_API_KEY: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ANTHROPIC_API_KEY');
  });

  it('lists unknown approach ids with the valid ones', async () => {
    const { config } = fixtureCopy();
    const r = await runCli(['validate', '-c', config, '-a', 'chatbot']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('empathic-support-agent');
  });

  it('lists approaches, models and scenarios', async () => {
    const { config } = fixtureCopy();
    const a = await runCli(['list', 'approaches']);
    expect(a.stdout.trim().split('\n')).toHaveLength(10);
    const m = await runCli(['list', 'models', '-c', config]);
    expect(m.stdout).toContain('GEMINI_API_KEY or GOOGLE_API_KEY');
    const s = await runCli(['list', 'scenarios', '-c', config]);
    expect(s.stdout).toContain('tst-offer');
    expect((await runCli(['list', 'nonsense'])).code).toBe(2);
  });
});
