import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

/** The fixture suite in a temporary folder, with a config that names it. */
function fixture(): { dir: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cxb-choices-'));
  cpSync(join(ROOT, 'tests/fixtures/suite'), join(dir, 'suite'), { recursive: true });
  const config = join(dir, 'config.yaml');
  writeFileSync(config, `name: choices\nscenarios: [${dir}/suite/scenarios/*.yaml]\ndatasets: ${dir}/suite/datasets\nmodels: [rules]\noutput: ${dir}/out\n`);
  return { dir, config };
}

describe('choices that match nothing are errors naming the valid ones', () => {
  it('an unknown persona-variant set exits 2 with the nearest set and the valid choices, before anything runs', async () => {
    const r = await runCli(['run', '--variants', 'race-gendr', '--no-report', '-o', join(mkdtempSync(join(tmpdir(), 'cxb-v-')), 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown persona-variant set "race-gendr" (did you mean "race-gender"?); valid: all, none, age, disability, language-variety, race-gender');
    expect(r.stderr).toContain('cxbench list variants');
    expect(r.stdout).not.toContain('database:');
  });

  it('an unknown variant set in the config file names the file and the field', async () => {
    const { dir, config } = fixture();
    writeFileSync(config, `name: choices\nscenarios: [${dir}/suite/scenarios/*.yaml]\ndatasets: ${dir}/suite/datasets\npersonaVariants: [tst-nams]\n`);
    const r = await runCli(['validate', '-c', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${config}: field \`personaVariants.0\``);
    expect(r.stderr).toContain('"tst-nams" (did you mean "tst-names"?)');
  });

  it('a valid set that no selected scenario uses is a warning that the bias audit has nothing to compare', async () => {
    const { dir, config } = fixture();
    const r = await runCli(['validate', '-c', config, '-s', join(dir, 'suite/scenarios/offer.yaml'), '--variants', 'tst-names']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: persona-variant set tst-names: no selected scenario uses it; every cell runs the baseline persona only');
  });

  it('list variants shows every set with its attribute, groups and how many scenarios use it', async () => {
    const { config } = fixture();
    const r = await runCli(['list', 'variants', '-c', config]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^none\s+the baseline persona only/m);
    expect(r.stdout).toMatch(/^tst-names\s+race-gender\s+4 variants, groups: white-male, black-female; used by 1 of 2 scenarios$/m);
  });

  it('an unknown approach names the nearest one and every valid id', async () => {
    const { config } = fixture();
    const r = await runCli(['validate', '-c', config, '-a', 'empathic-suport-agent']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown approach "empathic-suport-agent" (did you mean "empathic-support-agent"?); valid: hyper-personalized-content,');
    expect(r.stderr).toContain('co-creation-facilitation (see `cxbench list approaches`)');
  });

  it('approaches no selected scenario is for: an error when none is, a warning for the extra ones', async () => {
    const { config } = fixture();
    const none = await runCli(['validate', '-c', config, '-a', 'co-creation-facilitation']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no selected scenario is for the selected approach co-creation-facilitation: the run would plan no cell');
    const some = await runCli(['validate', '-c', config, '-a', 'co-creation-facilitation,empathic-support-agent']);
    expect(some.code).toBe(0);
    expect(some.stderr).toContain('warning: approach co-creation-facilitation: no selected scenario is for it, so it runs no cell');
  });

  it('every scenario glob must match a file: a misspelt folder gets the glob it probably meant', async () => {
    const { dir, config } = fixture();
    const r = await runCli(['validate', '-c', config, '-s', `${dir}/suite/scenarios/*.yaml,${dir}/suite/scenaros/*.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`scenario glob "${dir}/suite/scenaros/*.yaml" matches no scenario file (did you mean "${dir}/suite/scenarios/*.yaml"?)`);
    expect(r.stderr).toContain('field `--scenarios.1`');
    const bundled = await runCli(['validate', '-s', 'scenarios/2-sell-chose/*.yaml']);
    expect(bundled.code).toBe(2);
    expect(bundled.stderr).toContain('(did you mean "scenarios/2-sell-choose/*.yaml"?)');
    expect(bundled.stderr).toContain('folders with scenario files: scenarios/1-attract-inform, scenarios/2-sell-choose');
  });
});

describe('numbers on the command line', () => {
  it('--epochs that is not a whole number is named as such', async () => {
    const r = await runCli(['validate', '-e', 'abc']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--epochs must be a whole number of at least 1, not "abc"');
  });
});

describe('model names and prices', () => {
  it('an unknown model name warns with the nearest known name, and estimate says "unknown price", never $0, exit 1', async () => {
    const { config } = fixture();
    const r = await runCli(['estimate', '-c', config, '-m', 'openai:gpt-4o-mni']);
    expect(r.stderr).toContain('warning: model openai:gpt-4o-mni is not in the price table (@pydantic/genai-prices@');
    expect(r.stderr).toContain('did you mean openai:gpt-4o-mini?');
    expect(r.stdout).toContain('upper bound for the run: unknown price (no known price for openai:gpt-4o-mni)');
    expect(r.stdout).not.toContain('$0');
    expect(r.stderr).toContain('estimate incomplete: openai:gpt-4o-mni has no known price');
    expect(r.code).toBe(1);
  });

  it('estimate with every price known exits 0 and prints the bound in dollars; rules costs nothing', async () => {
    const { config } = fixture();
    const r = await runCli(['estimate', '-c', config, '-m', 'rules,openai:gpt-4o-mini']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/upper bound for the run: \$0\.\d{4}\. /);
    expect(r.stdout).toContain('rules: 5 cells, 0 agent calls');
    expect(r.stdout).toContain('no model calls, no cost');
  });

  it('the judge model name is checked too', async () => {
    const { dir, config } = fixture();
    writeFileSync(config, `name: choices\nscenarios: [${dir}/suite/scenarios/*.yaml]\ndatasets: ${dir}/suite/datasets\njudge: anthropic:claude-sonet-4-5\n`);
    const r = await runCli(['validate', '-c', config]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: model anthropic:claude-sonet-4-5 is not in the price table');
    expect(r.stderr).toContain('did you mean anthropic:claude-sonnet-4-5?');
  });

  it('a known price plus an unknown one gives the known part and still says unknown', async () => {
    const { config } = fixture();
    const r = await runCli(['estimate', '-c', config, '-m', 'openai:gpt-4o-mini,anthropic:claude-sonet-4-5']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('did you mean anthropic:claude-sonnet-4-5?');
    expect(r.stdout).toMatch(/upper bound for the run: unknown price \(no known price for anthropic:claude-sonet-4-5; \$0\.\d{4} at most for the models with a known price\)/);
  });
});
