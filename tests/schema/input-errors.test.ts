import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, InputError } from '../../src/core/errors.js';
import { loadDatasets } from '../../src/plan/datasets.js';
import { loadConfig, loadScenarios, loadSuite } from '../../src/plan/suite.js';
import { ROOT, runCli } from '../helpers/cli.js';

const FIXTURES = join(ROOT, 'tests/fixtures/suite');

/** Nine levels of nine aliases each: 9^9 strings once expanded, a few hundred bytes on disk. */
const ALIAS_BOMB = [
  'bomb0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...Array.from({ length: 8 }, (_x, i) => `bomb${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(',')}]`),
].join('\n');

function inputError(fn: () => unknown): InputError {
  try { fn(); } catch (e) { if (e instanceof InputError) return e; throw e; }
  throw new Error('expected an InputError');
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cxb-input-'));
  cpSync(join(FIXTURES, 'scenarios'), join(dir, 'scenarios'), { recursive: true });
  cpSync(join(FIXTURES, 'datasets'), join(dir, 'datasets'), { recursive: true });
  return dir;
}

const configText = (dir: string, extra: string[] = []): string =>
  [`scenarios: [${dir}/scenarios/*.yaml]`, `datasets: ${dir}/datasets`, `output: ${dir}/out`, ...extra].join('\n');

describe('a YAML alias bomb is refused and names its file', () => {
  it('in a config file', () => {
    const dir = workspace();
    const file = join(dir, 'config.yaml');
    writeFileSync(file, `${configText(dir)}\n${ALIAS_BOMB}\n`);
    const e = inputError(() => loadConfig(file));
    expect(e.message).toMatch(new RegExp(`^${file}: too many YAML aliases`));
    expect(e.problems[0]).toMatchObject({ file, expected: 'YAML with at most 100 alias expansions' });
    expect(e.problems[0]!.found).toMatch(/Excessive alias count/);
  });

  it('in a scenario file', () => {
    const dir = workspace();
    const file = join(dir, 'scenarios', 'return.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n${ALIAS_BOMB}\n`);
    const e = inputError(() => loadScenarios([join(dir, 'scenarios/*.yaml')], loadDatasets(join(dir, 'datasets'))));
    expect(e.problems.map((p) => p.file)).toEqual([file]);
    expect(formatProblem(e.problems[0]!)).toMatch(/return\.yaml: expected YAML with at most 100 alias expansions, found Excessive alias count/);
  });

  it('in a dataset file', () => {
    const dir = workspace();
    const file = join(dir, 'datasets', 'kb.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n${ALIAS_BOMB}\n`);
    const e = inputError(() => loadDatasets(join(dir, 'datasets')));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]!.file).toMatch(/datasets\/kb\.yaml$/);
    expect(e.problems[0]!.found).toMatch(/Excessive alias count/);
  });

  it('through the CLI: exit 2 and the file, no stack', async () => {
    const dir = workspace();
    const file = join(dir, 'config.yaml');
    writeFileSync(file, `${configText(dir)}\n${ALIAS_BOMB}\n`);
    const r = await runCli(['validate', '-c', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: too many YAML aliases`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe('config errors name the config file', () => {
  it('an unknown provider is reported against the file, the judge too', () => {
    const dir = workspace();
    const file = join(dir, 'config.yaml');
    writeFileSync(file, configText(dir, ['models: [rules, "opnai:gpt-4o-mini"]', 'judge: "antropic:claude"']));
    const e = inputError(() => loadSuite(file));
    expect(e.message).toBe(`invalid model list in ${file}`);
    expect(e.problems.map((p) => [p.file, p.path])).toEqual([[file, 'models.1'], [file, 'judge']]);
    expect(e.problems[0]!.found).toMatch(/unknown provider "opnai"/);
  });

  it('misspelt keys are errors naming the file and the key, with the key meant', () => {
    const dir = workspace();
    const file = join(dir, 'config.yaml');
    writeFileSync(file, configText(dir, ['epoch: 3', 'modelz: [rules]', 'concurrency: { defualt: 2 }', 'colour: blue']));
    const e = inputError(() => loadConfig(file));
    const byPath = Object.fromEntries(e.problems.map((p) => [p.path, p]));
    expect(Object.keys(byPath).sort()).toEqual(['colour', 'concurrency.defualt', 'epoch', 'modelz']);
    expect(byPath['epoch']).toMatchObject({ file, line: 4 });
    expect(byPath['epoch']!.expected).toMatch(/unknown field "epoch" \(did you mean "epochs"\?\)/);
    expect(byPath['modelz']!.expected).toMatch(/unknown field "modelz" \(did you mean "models"\?\)/);
    expect(byPath['concurrency.defualt']!.expected).toMatch(/did you mean "default"\?/);
    // No close field: no guess, but the fields allowed there are listed.
    expect(byPath['colour']!.expected).toMatch(/only the fields name, description, scenarios, .*; unknown field "colour"$/);
  });

  it('misspelt keys in a dataset file are errors too', () => {
    const dir = workspace();
    const file = join(dir, 'datasets', 'kb.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^description:/m, 'descripton: x\ndescription:'));
    mkdirSync(join(dir, 'out'), { recursive: true });
    const e = inputError(() => loadDatasets(join(dir, 'datasets')));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]!.path).toBe('descripton');
    expect(e.problems[0]!.expected).toMatch(/did you mean "description"\?/);
  });
});
