import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { planCells } from '../../src/plan/cells.js';
import { formatShard, inShard, parseShard, shardOfKey } from '../../src/plan/shard.js';
import { loadSuite } from '../../src/plan/suite.js';
import { runCli } from '../helpers/cli.js';
import { FIXTURE_CONFIG, query } from '../helpers/fixture-run.js';

describe('parseShard', () => {
  it('reads i/n with 1 <= i <= n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    expect(formatShard(parseShard('3/3'))).toBe('3/3');
  });

  it.each(['0/3', '4/3', '1/0', '-1/3', '1.5/3', '2', '2/3/4', 'a/b', ''])('refuses %j with an InputError that says what was expected', (spec) => {
    expect(() => parseShard(spec)).toThrow(InputError);
    try { parseShard(spec); } catch (e) { expect((e as InputError).problems[0]).toMatchObject({ path: '--shard', file: 'command line' }); }
  });
});

describe('shardOfKey', () => {
  it('is the documented formula: first 32 bits of sha256(key) mod n, plus one', () => {
    const key = '0123456789abcdef01234567';
    const h = Number.parseInt(createHash('sha256').update(key).digest('hex').slice(0, 8), 16);
    for (const n of [1, 2, 3, 7, 64]) expect(shardOfKey(key, n)).toBe((h % n) + 1);
  });

  it('puts every key in exactly one shard, and spreads keys evenly', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => createHash('sha256').update(`cell-${i}`).digest('hex').slice(0, 24));
    const n = 3;
    const counts = [0, 0, 0];
    for (const k of keys) {
      const owners = [1, 2, 3].filter((i) => shardOfKey(k, n) === i);
      expect(owners).toHaveLength(1);
      counts[owners[0]! - 1]!++;
    }
    for (const c of counts) expect(c).toBeGreaterThan(900);
  });

  it('partitions the planned cells of a suite: disjoint shards whose union is the whole plan', () => {
    const suite = loadSuite(FIXTURE_CONFIG, { epochs: 6 });
    const cells = planCells(suite.scenarios, suite.approaches, suite.models, suite.config, suite.datasets);
    const shards = [1, 2, 3].map((i) => cells.filter(inShard({ index: i, count: 3 })).map((c) => c.cell.key));
    const all = shards.flat();
    expect(all).toHaveLength(cells.length);
    expect(new Set(all)).toEqual(new Set(cells.map((c) => c.cell.key)));
    for (const s of shards) expect(s.length).toBeGreaterThan(0);
  });
});

describe('cxbench run --shard', () => {
  it('exits 2 with a clear message on a bad shard', async () => {
    const r = await runCli(['run', '-c', FIXTURE_CONFIG, '--shard', '4/3', '--no-report', '-o', '/nonexistent/never-written']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid --shard "4/3"');
    expect(r.stderr).toContain('between 1 and 3');
  });
});

describe('cxbench run --shard (end to end)', () => {
  it('runs only its shard and records it in runs.shard', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-shard-cli-'));
    const suite = loadSuite(FIXTURE_CONFIG, { epochs: 3 });
    const want = planCells(suite.scenarios, suite.approaches, suite.models, suite.config, suite.datasets).filter(inShard({ index: 2, count: 3 })).map((c) => c.cell.key).sort();
    const r = await runCli(['run', '-c', FIXTURE_CONFIG, '-e', '3', '--shard', '2/3', '--no-report', '--no-cache', '--progress', 'silent', '-o', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`(shard 2/3): ${want.length} cells planned`);
    const db = join(dir, 'cxbench.duckdb');
    expect((await query<{ cell_key: string }>(db, 'SELECT cell_key FROM conversations ORDER BY cell_key')).map((x) => x.cell_key)).toEqual(want);
    expect(await query(db, 'SELECT shard, planned_cells FROM runs')).toEqual([{ shard: '2/3', planned_cells: want.length }]);
  }, 60_000);
});
