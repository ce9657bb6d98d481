import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { query } from '../helpers/db.js';
import { runCli } from '../helpers/cli.js';

describe('cxbench judge calibrate', () => {
  it('prints agreement and acceptance, and stores the status for the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-cal-'));
    const csv = join(dir, 'labels.csv');
    const rows = Array.from({ length: 40 }, (_, i) => `i${i},halluc.any,${i % 2},${i % 2},${i % 4 < 2 ? 'sae' : 'aae'}`);
    writeFileSync(csv, ['item_id,metric,human_label,judge_label,persona_group', ...rows].join('\n'));
    const r = await runCli(['judge', 'calibrate', csv, '--judge', 'openai:gpt-4o-mini#abc', '--nominal', 'halluc.any', '-o', join(dir, 'out')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/halluc\.any: n 40, alpha 1\.000 \(nominal\)/);
    const stored = await query(join(dir, 'out/cxbench.duckdb'), 'SELECT metric, judge, n_items, alpha FROM judge_validation');
    expect(stored).toEqual([{ metric: 'halluc.any', judge: 'openai:gpt-4o-mini#abc', n_items: 40, alpha: 1 }]);
  });

  it('names the file when the CSV is missing', async () => {
    const r = await runCli(['judge', 'calibrate', '/nonexistent.csv', '--judge', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/nonexistent.csv');
  });
});
