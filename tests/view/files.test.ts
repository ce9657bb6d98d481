/**
 * The viewer reads without writing and without keeping a run out: it holds a file only while requests need it,
 * a writer opens the file after it lets go, and a file held by a writer (or lent to a run's worker) reads as busy.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openStore } from '../../src/store/db.js';
import { handOffMarker } from '../../src/store/handoff.js';
import { FileBusy, IDLE_MS, MAX_HOLD_MS, ViewerFiles } from '../../src/view/files.js';
import { ROOT } from '../helpers/cli.js';
import { smallDb } from './small-db.js';

const sha = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('ViewerFiles', () => {
  test('reads without changing a byte of the file', async () => {
    const db = await smallDb();
    const before = sha(db);
    const files = await ViewerFiles.open([db]);
    const rows = await files.all<{ n: number }>([0], 'SELECT count(*) AS n FROM d0.messages');
    expect(rows[0]?.n).toBe(2);
    await expect(files.all([0], `INSERT INTO d0.runs SELECT * FROM d0.runs`)).rejects.toThrow(/read-only|read only/i);
    files.close();
    expect(sha(db)).toBe(before);
  });

  test('a writer opens the file once the viewer has been idle for a moment', async () => {
    const db = await smallDb();
    const files = await ViewerFiles.open([db]);
    await files.all([0], 'SELECT 1 FROM d0.runs');
    await sleep(IDLE_MS + 100);
    const store = await openStore(db, { lockWaitMs: 0 });
    await store.exec(`UPDATE runs SET status = 'finished'`);
    store.close();
    // And the viewer reads it again afterwards.
    expect((await files.all<{ n: number }>([0], 'SELECT count(*) AS n FROM d0.runs'))[0]?.n).toBe(1);
    files.close();
  });

  test('under a steady stream of requests the viewer still lets go within a writer\'s wait', async () => {
    const db = await smallDb();
    const files = await ViewerFiles.open([db]);
    let stop = false;
    const stream = (async () => { while (!stop) { await files.all([0], 'SELECT count(*) FROM d0.messages'); await sleep(2); } })();
    await sleep(200);
    // A writer in another process, waiting like openStore does (3 s by default): it must get the file.
    const script = `import { openStore } from './src/store/db.ts';
      const s = await openStore(${JSON.stringify(db)}); await s.exec("UPDATE runs SET suite_name = 'written'"); s.close(); console.log('wrote');`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    stop = true;
    await stream.catch(() => undefined);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('wrote');
    expect(MAX_HOLD_MS).toBeLessThan(3_000);
    expect((await files.all<{ s: string }>([0], 'SELECT suite_name AS s FROM d0.runs'))[0]?.s).toBe('written');
    files.close();
  }, 60_000);

  test('a file held by a writer reads as busy, and a file lent to a live run is not touched', async () => {
    const db = await smallDb();
    const files = await ViewerFiles.open([db]);
    await sleep(IDLE_MS + 100);
    const script = `import { openStore } from './src/store/db.ts';
      const s = await openStore(${JSON.stringify(db)}); console.log('holding'); setTimeout(() => { s.close(); }, 4000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((r) => child.stdout.on('data', (d: Buffer) => { if (d.toString().includes('holding')) r(); }));
    await expect(files.all([0], 'SELECT 1 FROM d0.runs')).rejects.toBeInstanceOf(FileBusy);
    await new Promise((r) => child.on('close', r));
    expect((await files.all([0], 'SELECT 1 AS one FROM d0.runs'))).toHaveLength(1);

    await sleep(IDLE_MS + 100);
    // A marker naming a live process (this test's parent) as the run that lent the file.
    writeFileSync(handOffMarker(db), JSON.stringify({ pid: process.ppid, since: new Date().toISOString() }));
    try {
      await expect(files.all([0], 'SELECT 1 FROM d0.runs')).rejects.toThrow(/being written by a cxbench run/);
    } finally {
      rmSync(handOffMarker(db), { force: true });
    }
    files.close();
  }, 60_000);

  test('a missing file or a file that is not a cxbench database is an input error', async () => {
    await expect(ViewerFiles.open(['/nonexistent/cxbench.duckdb'])).rejects.toThrow(/no database at/);
    const db = await smallDb();
    const other = join(db, '..', 'other.duckdb');
    const s = await openStore(other);
    await s.exec('DROP TABLE scores');
    s.close();
    await expect(ViewerFiles.open([other])).rejects.toThrow(/not a cxbench database/);
  });
});
