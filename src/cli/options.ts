import { Option, type Command } from 'commander';
import { InputError } from '../core/errors.js';
import type { Suite, SuiteOverrides } from '../plan/suite.js';

export interface SuiteCliOptions {
  config?: string;
  models?: string;
  baseUrl?: string;
  approaches?: string;
  scenarios?: string;
  epochs?: string;
  output?: string;
  variants?: string;
}

/**
 * The suite options, one spelling each across commands. `-o, --output <dir>` is always the output folder (the
 * database and the report); a command writing elsewhere says so with its own flag.
 */
const SUITE_FLAGS = {
  config: (c) => c.option('-c, --config <file>', 'suite config (YAML); default: cxbench.config.yaml if present, else built-in defaults'),
  models: (c) => c.option('-m, --models <ids>', 'comma-separated models, e.g. rules,openai:gpt-4o-mini,openai-compatible:llama3.1'),
  baseUrl: (c) => c.option('--base-url <url>', 'base URL for openai-compatible models (Ollama, vLLM, llama.cpp, LM Studio), e.g. http://127.0.0.1:11434/v1'),
  approaches: (c) => c.option('-a, --approaches <ids>', 'comma-separated approach ids (default: all ten; `cxbench list approaches`)'),
  scenarios: (c) => c.option('-s, --scenarios <globs>', 'comma-separated scenario globs, each must match a file (default: scenarios/**/*.yaml)'),
  epochs: (c) => c.option('-e, --epochs <n>', 'repetitions per cell'),
  variants: (c) => c.option('--variants <sets>', "persona variant sets: 'all', 'none' or comma-separated set ids (`cxbench list variants`)"),
  output: (c) => outputOption(c, 'output folder for the database and the report (default: out)'),
} satisfies Record<keyof SuiteCliOptions, (cmd: Command) => Command>;

export type SuiteFlag = keyof typeof SUITE_FLAGS;

/** Everything that shapes the plan of cells (what `estimate` and `validate` take; `run` adds --output). */
export const PLAN_FLAGS = ['config', 'models', 'baseUrl', 'approaches', 'scenarios', 'epochs', 'variants'] as const satisfies readonly SuiteFlag[];

/** Adds the named suite options (only those: each command shows only the options it reads), in a fixed order. */
export function suiteOptions(cmd: Command, flags: readonly SuiteFlag[] = [...PLAN_FLAGS, 'output']): Command {
  for (const f of Object.keys(SUITE_FLAGS) as SuiteFlag[]) if (flags.includes(f)) SUITE_FLAGS[f](cmd);
  return cmd;
}

/**
 * An old spelling kept working for scripts, hidden from --help: `--out <dir>` sets what `--output` sets. The
 * value lands on `target` (the canonical option's attribute).
 */
export function hiddenAlias(cmd: Command, flags: string, target: string): Command {
  const opt = new Option(flags).hideHelp();
  cmd.addOption(opt);
  cmd.on(`option:${opt.name()}`, (v: unknown) => cmd.setOptionValueWithSource(target, v, 'cli'));
  return cmd;
}

/** `-o, --output <dir>` with the old `--out` kept as a hidden alias. */
export function outputOption(cmd: Command, description: string, defaultValue?: string): Command {
  cmd.option('-o, --output <dir>', description, defaultValue);
  return hiddenAlias(cmd, '--out <dir>', 'output');
}

export function overridesFrom(o: SuiteCliOptions): SuiteOverrides {
  const list = (s?: string): string[] | undefined => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
  const out: SuiteOverrides = {};
  const models = list(o.models); if (models) out.models = models;
  if (o.baseUrl) out.baseUrl = o.baseUrl;
  const approaches = list(o.approaches); if (approaches) out.approaches = approaches;
  const scenarios = list(o.scenarios); if (scenarios) out.scenarios = scenarios;
  if (o.epochs !== undefined) {
    out.epochs = Number(o.epochs);
    if (!Number.isInteger(out.epochs) || out.epochs < 1) throw new InputError(`--epochs must be a whole number of at least 1, not "${o.epochs}"`, [{ file: 'command line', path: '--epochs', expected: 'a whole number >= 1', found: `"${o.epochs}"` }]);
  }
  if (o.output) out.output = o.output;
  if (o.variants) out.personaVariants = o.variants;
  return out;
}

export const dbPath = (output: string): string => `${output.replace(/\/+$/, '')}/cxbench.duckdb`;
export const reportDir = (output: string): string => `${output.replace(/\/+$/, '')}/report`;

/** Loads the suite the options name and prints its warnings (probable typos that are not errors) on stderr. */
export async function loadSuiteFromCli(o: SuiteCliOptions): Promise<Suite> {
  const { loadSuite } = await import('../plan/suite.js');
  const suite = loadSuite(o.config, overridesFrom(o));
  for (const w of suite.warnings ?? []) process.stderr.write(`warning: ${w}\n`);
  return suite;
}
