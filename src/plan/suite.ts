import { existsSync } from 'node:fs';
import { InputError, type InputProblem } from '../core/errors.js';
import { APPROACHES } from '../approaches/index.js';
import type { Approach } from '../approaches/approach.js';
import { loadFile, zodProblems } from '../schema/load.js';
import { SuiteConfigSchema, type SuiteConfig } from '../schema/config.js';
import { ScenarioSchema, type Scenario } from '../schema/scenario.js';
import { modelSpecFromEntry, type ModelEntry, type ModelSpec } from '../schema/model-spec.js';
import { loadDatasets, type DatasetIndex } from './datasets.js';
import { crossCheckScenario } from './crossref.js';
import { approachCoverage, checkApproachIds, checkVariantSets, filesOfGlob, scenarioFilesChecked, unusedVariantSets } from './selection.js';
import { modelNameWarnings } from './model-names.js';
import type { AgentSpec } from '../agents/agent.js';
import { agentSpecs } from '../agents/plan.js';

export interface Suite {
  config: SuiteConfig;
  configFile: string | null;
  scenarios: Scenario[];
  scenarioFiles: Map<string, string>;
  datasets: DatasetIndex;
  approaches: Map<string, Approach>;
  models: ModelSpec[];
  /** The suite's `agents:` entries (prompt variants, HTTP, module, command agents); the models are in `models`. */
  agents: AgentSpec[];
  /** Allowed but probably not meant (a model name no price table knows, a variant set no scenario uses): printed by the CLI. */
  warnings?: string[];
}

export const DEFAULT_CONFIG_FILE = 'cxbench.config.yaml';

export function loadConfig(file: string | undefined): { config: SuiteConfig; file: string | null } {
  const path = file ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  if (!path) return { config: SuiteConfigSchema.parse({}), file: null };
  return { config: loadFile(path, SuiteConfigSchema), file: path };
}

export function scenarioFilesFor(globs: string[]): string[] {
  return [...new Set(globs.flatMap(filesOfGlob))].sort();
}

/**
 * Loads every scenario and dataset, validates all of them, and reports every problem at once. Every glob must match
 * a scenario file (`source` is where the globs came from: the config file or the command line).
 */
export function loadScenarios(globs: string[], datasets: DatasetIndex, source = 'scenarios'): { scenarios: Scenario[]; files: Map<string, string> } {
  const problems: InputProblem[] = [];
  const scenarios: Scenario[] = [];
  const files = new Map<string, string>();
  const paths = scenarioFilesChecked(globs, source, source === 'command line' ? '--scenarios' : 'scenarios');
  for (const file of paths) {
    let s: Scenario;
    try {
      s = loadFile(file, ScenarioSchema);
    } catch (e) {
      if (e instanceof InputError) { problems.push(...e.problems); continue; }
      throw e;
    }
    const prev = files.get(s.id);
    if (prev) problems.push({ file, path: 'id', expected: 'a scenario id unique across the library', found: `"${s.id}", also used by ${prev}` });
    files.set(s.id, file);
    problems.push(...crossCheckScenario(s, file, datasets));
    scenarios.push(s);
  }
  if (problems.length) throw new InputError(`${problems.length} problem(s) in scenarios`, problems);
  return { scenarios, files };
}

export interface SuiteOverrides {
  models?: string[];
  baseUrl?: string;
  approaches?: string[];
  scenarios?: string[];
  epochs?: number;
  output?: string;
  personaVariants?: string;
}

export function applyOverrides(config: SuiteConfig, o: SuiteOverrides): SuiteConfig {
  const raw: Record<string, unknown> = { ...config };
  if (o.models?.length) raw['models'] = o.models.map((id) => (o.baseUrl && id.startsWith('openai-compatible:') ? { id, baseUrl: o.baseUrl } : id));
  else if (o.baseUrl) raw['models'] = config.models.map((m) => (typeof m === 'string' && m.startsWith('openai-compatible:') ? { id: m, baseUrl: o.baseUrl } : m));
  if (o.approaches?.length) {
    checkApproachIds(o.approaches, Object.keys(APPROACHES), 'command line', '--approaches');
    raw['approaches'] = o.approaches;
  }
  if (o.scenarios?.length) raw['scenarios'] = o.scenarios;
  if (o.epochs !== undefined) raw['epochs'] = o.epochs;
  if (o.output) raw['output'] = o.output;
  if (o.personaVariants) raw['personaVariants'] = ['all', 'none'].includes(o.personaVariants) ? o.personaVariants : o.personaVariants.split(',');
  const parsed = SuiteConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InputError('invalid command-line options', zodProblems('command line', raw, parsed.error.issues));
  }
  return parsed.data;
}

/**
 * The model specs of a config. `source` is where the model list came from (the config file's path, or 'command line'
 * for --models), so every problem names the file the user must fix.
 */
export function resolveModels(config: SuiteConfig, source = 'config', configSource = source): ModelSpec[] {
  const problems: InputProblem[] = [];
  const specs: ModelSpec[] = [];
  const spec = (entry: ModelEntry, path: string, file: string): ModelSpec | undefined => {
    try {
      return modelSpecFromEntry(entry);
    } catch (e) {
      const msg = e instanceof Error && 'issues' in e ? (e as { issues: { path: PropertyKey[]; message: string }[] }).issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ') : e instanceof Error ? e.message : String(e);
      problems.push({ file, path, expected: 'kind:model with valid settings', found: msg });
      return undefined;
    }
  };
  config.models.forEach((entry, i) => { const s = spec(entry, `models.${i}`, source); if (s) specs.push(s); });
  // The judge and the simulated customer come from the config file whatever --models says.
  const fileSource = source === 'command line' ? configSource : source;
  if (config.judge) spec(config.judge, 'judge', fileSource);
  if (config.customer.model) spec(config.customer.model, 'customer.model', fileSource);
  for (const s of specs) {
    if (s.kind === 'openai-compatible' && !s.baseUrl) problems.push({ file: source, path: `models (${s.kind}:${s.model})`, expected: 'a baseUrl (or --base-url http://127.0.0.1:PORT/v1)', found: 'none' });
  }
  if (problems.length) throw new InputError(`invalid model list in ${source}`, problems);
  return specs;
}

export function loadSuite(configFile: string | undefined, overrides: SuiteOverrides = {}): Suite {
  const { config: base, file } = loadConfig(configFile);
  const config = applyOverrides(base, overrides);
  const configSource = file ?? 'the default config';
  const from = (overridden: unknown): string => (overridden ? 'command line' : configSource);
  const datasets = loadDatasets(config.datasets);
  checkVariantSets(config.personaVariants, datasets, from(overrides.personaVariants), overrides.personaVariants ? '--variants' : 'personaVariants');
  const { scenarios, files } = loadScenarios(config.scenarios, datasets, from(overrides.scenarios?.length));
  const wanted = config.approaches === 'all' ? Object.keys(APPROACHES) : config.approaches;
  const warnings = [
    ...approachCoverage(wanted, config.approaches !== 'all', scenarios, from(overrides.approaches?.length)),
    ...unusedVariantSets(config.personaVariants, scenarios),
  ];
  const approaches = new Map<string, Approach>(wanted.map((id) => [id, APPROACHES[id as keyof typeof APPROACHES]]));
  const models = resolveModels(config, from(overrides.models?.length), configSource);
  // The judge and the simulated customer are priced and called too: their names are checked the same way.
  const roles = [config.judge, config.customer.mode === 'simulated' ? config.customer.model : undefined].flatMap((e) => (e ? [modelSpecFromEntry(e)] : []));
  warnings.push(...modelNameWarnings([...models, ...roles.filter((r) => !models.some((m) => m.kind === r.kind && m.model === r.model))]));
  // Agent labels must not collide with the models' (a label is the `model` column); only the entries are kept here.
  const agents = agentSpecs(models, config.agents, configSource).slice(models.length);
  return { config, configFile: file, scenarios, scenarioFiles: files, datasets, approaches, models, agents, warnings };
}
