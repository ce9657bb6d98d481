import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import type { Command } from 'commander';
import { runCli } from '../helpers/cli.js';

/** The long flags a command's --help lists (hidden aliases are not listed). */
function shownFlags(path: string[]): string[] {
  let cmd: Command = buildProgram();
  for (const name of path) cmd = cmd.commands.find((c) => c.name() === name)!;
  return cmd.createHelp().visibleOptions(cmd).map((o) => o.long ?? '').filter(Boolean);
}

/** Commands whose flags this project keeps consistent (audit, validity and view have their own owners and tests). */
const COMMANDS = [['run'], ['estimate'], ['list'], ['validate'], ['score'], ['report'], ['analyse'], ['import'], ['schema'], ['new'],
  ['export', 'parquet'], ['export', 'jsonl'], ['export', 'promptfoo'], ['judge', 'calibrate']];

describe('flags: one spelling each, and each command shows only its own', () => {
  it('no command lists --out or --dir: the output folder is -o, --output everywhere it exists', () => {
    for (const path of COMMANDS) {
      const flags = shownFlags(path);
      expect(flags, path.join(' ')).not.toContain('--out');
      expect(flags, path.join(' ')).not.toContain('--dir');
    }
    for (const path of [['run'], ['score'], ['report'], ['analyse'], ['import'], ['schema'], ['new'], ['export', 'jsonl'], ['judge', 'calibrate']]) {
      expect(shownFlags(path), path.join(' ')).toContain('--output');
    }
  });

  it('list, validate, score and estimate do not show flags they do not read', () => {
    expect(shownFlags(['list'])).toEqual(['--config', '--models', '--base-url', '--scenarios', '--help']);
    for (const cmd of ['validate', 'estimate']) {
      expect(shownFlags([cmd])).toEqual(['--config', '--models', '--base-url', '--approaches', '--scenarios', '--epochs', '--variants', '--help']);
    }
    expect(shownFlags(['score'])).toEqual(['--config', '--scenarios', '--output', '--help']);
    expect(shownFlags(['run'])).toEqual(expect.arrayContaining(['--models', '--epochs', '--variants', '--output', '--max-cost', '--shard']));
  });

  it('a flag a command does not read is a usage error (exit 2), not silently ignored', async () => {
    const r = await runCli(['validate', '-o', 'somewhere']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '-o'");
  });

  it('the old spellings still work, hidden: schema --out, new --dir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-flags-'));
    const s = await runCli(['schema', '--out', join(dir, 'schemas')]);
    expect(s.code).toBe(0);
    expect(readdirSync(join(dir, 'schemas')).length).toBeGreaterThan(0);
    const n = await runCli(['new', 'scenario', 'fa-flag-check', '-a', 'empathic-support-agent', '-d', 'fashion-ecommerce', '--dir', join(dir, 'sc')]);
    expect(n.code).toBe(0);
    expect(existsSync(join(dir, 'sc'))).toBe(true);
  });
});
