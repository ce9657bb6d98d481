import type { Command } from 'commander';
import type { SuiteOverrides } from '../plan/suite.js';

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

/** Options shared by every command that loads the suite. */
export function suiteOptions(cmd: Command): Command {
  return cmd
    .option('-c, --config <file>', 'suite config (YAML); default: cxbench.config.yaml if present, else built-in defaults')
    .option('-m, --models <ids>', 'comma-separated models, e.g. rules,openai:gpt-4o-mini,openai-compatible:llama3.1')
    .option('--base-url <url>', 'base URL for openai-compatible models (Ollama, vLLM, llama.cpp, LM Studio), e.g. http://127.0.0.1:11434/v1')
    .option('-a, --approaches <ids>', 'comma-separated approach ids (default: all ten)')
    .option('-s, --scenarios <globs>', 'comma-separated scenario globs (default: scenarios/**/*.yaml)')
    .option('-e, --epochs <n>', 'repetitions per cell')
    .option('--variants <sets>', "persona variant sets: 'all', 'none' or comma-separated set ids")
    .option('-o, --output <dir>', 'output folder for the database and the report (default: out)');
}

export function overridesFrom(o: SuiteCliOptions): SuiteOverrides {
  const list = (s?: string): string[] | undefined => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
  const out: SuiteOverrides = {};
  const models = list(o.models); if (models) out.models = models;
  if (o.baseUrl) out.baseUrl = o.baseUrl;
  const approaches = list(o.approaches); if (approaches) out.approaches = approaches;
  const scenarios = list(o.scenarios); if (scenarios) out.scenarios = scenarios;
  if (o.epochs !== undefined) out.epochs = Number(o.epochs);
  if (o.output) out.output = o.output;
  if (o.variants) out.personaVariants = o.variants;
  return out;
}

export const dbPath = (output: string): string => `${output.replace(/\/+$/, '')}/cxbench.duckdb`;
export const reportDir = (output: string): string => `${output.replace(/\/+$/, '')}/report`;
