import type { Command } from 'commander';
import { loadSuiteFromCli, overridesFrom, suiteOptions, type SuiteCliOptions } from '../options.js';

const KINDS = ['approaches', 'scenarios', 'models', 'variants', 'evaluators'] as const;
type Kind = (typeof KINDS)[number];

export function registerList(program: Command): void {
  suiteOptions(program.command('list'), ['config', 'models', 'baseUrl', 'scenarios'])
    .argument('<what>', `one of: ${KINDS.join(', ')}`)
    .description('list approaches, scenarios, models, persona-variant sets or evaluators')
    .action(async (what: string, opts: SuiteCliOptions) => {
      const { InputError } = await import('../../core/errors.js');
      if (!(KINDS as readonly string[]).includes(what)) {
        throw new InputError(`unknown list "${what}"; valid: ${KINDS.join(', ')}`, [{ file: 'command line', path: 'what', expected: KINDS.join(' | '), found: what }]);
      }
      const out = (s: string): boolean => process.stdout.write(s + '\n');
      const printers = {
        approaches: async () => {
          const { approachList } = await import('../../approaches/index.js');
          for (const a of approachList()) out(`${a.meta.id.padEnd(30)} stage ${a.meta.stageOrder} ${a.meta.stage.padEnd(18)} ${a.meta.value.padEnd(16)} ${a.meta.mode.padEnd(9)} tools: ${a.meta.tools.join(', ')}`);
        },
        scenarios: async () => {
          const suite = await loadSuiteFromCli(opts);
          for (const s of suite.scenarios) out(`${s.id.padEnd(40)} ${s.approach.padEnd(30)} ${s.domain.padEnd(18)} ${s.difficulty.padEnd(10)} ${s.tags.join(',')}`);
        },
        models: async () => {
          const { loadConfig, applyOverrides, resolveModels } = await import('../../plan/suite.js');
          const { BackendKindSchema } = await import('../../core/types.js');
          const { KEY_VARIABLES } = await import('../../providers/keys.js');
          const { modelKey } = await import('../../schema/model-spec.js');
          const config = applyOverrides(loadConfig(opts.config).config, overridesFrom(opts));
          out('configured:');
          const { modelNameWarnings } = await import('../../plan/model-names.js');
          const specs = resolveModels(config);
          for (const m of specs) out(`  ${modelKey(m)}${m.baseUrl ? ` @ ${m.baseUrl}` : ''}`);
          for (const w of modelNameWarnings(specs)) process.stderr.write(`warning: ${w}\n`);
          out('providers (write kind:model):');
          for (const k of BackendKindSchema.options) out(`  ${k.padEnd(18)} ${KEY_VARIABLES[k].length ? `key: ${KEY_VARIABLES[k].join(' or ')}` : k === 'rules' ? 'traditional automation arm, no key' : 'needs --base-url; key optional (apiKeyEnv)'}`);
        },
        variants: async () => {
          const suite = await loadSuiteFromCli(opts);
          out(`${'all'.padEnd(20)} every set each scenario lists (the default)`);
          out(`${'none'.padEnd(20)} the baseline persona only (no bias audit)`);
          for (const set of [...suite.datasets.personaSets.values()].sort((a, b) => a.id.localeCompare(b.id))) {
            const users = suite.scenarios.filter((s) => s.persona.variantSets.includes(set.id)).length;
            const groups = [...new Set(set.variants.map((v) => v.group))];
            out(`${set.id.padEnd(20)} ${set.attribute.padEnd(18)} ${String(set.variants.length).padStart(3)} variants, groups: ${groups.join(', ')}; used by ${users} of ${suite.scenarios.length} scenarios`);
          }
        },
        evaluators: async () => {
          const { EVALUATORS } = await import('../../../evaluators/index.js');
          for (const e of EVALUATORS) out(`${`${e.id}@${e.version}`.padEnd(28)} ${e.metrics.map((m) => m.id).join(', ')}`);
        },
      } satisfies Record<Kind, () => Promise<void>>;
      await printers[what as Kind]();
    });
}
