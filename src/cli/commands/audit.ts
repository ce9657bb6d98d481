import { hiddenAlias } from '../options.js';
import type { Command } from 'commander';
import type { AuditOptions } from '../../audit/plan.js';

/** The command's options: the audit's own (src/audit/plan.ts) plus where to write and whether to report. */
type AuditCliOptions = Omit<AuditOptions, 'file' | 'useBrief'> & {
  systemBrief: boolean;
  db: string;
  output?: string;
  config?: string;
  report: boolean;
};

export const DEFAULT_AUDIT_DB = 'out/audit.duckdb';

/** The report folder beside the database: out/audit.duckdb -> out/audit-report. */
export const auditReportDir = (db: string): string => `${db.replace(/\.duckdb$/i, '')}-report`;

export function registerAudit(program: Command): void {
  hiddenAlias(program.command('audit'), '--out <dir>', 'output')
    .description('score transcripts you already hold (JSONL chat messages or CSV) with every evaluator, store them as arm "audit", and write the report (docs/audit.md)')
    .argument('<file>', '.jsonl (one conversation per line: {id, messages, metadata}) or .csv (conversation_id,turn,speaker,text)')
    .option('--tool-classes <yaml>', 'YAML map of tool name -> read | write | escalate | record, for every tool the agent called')
    .option('--allow-unmapped', 'store tools missing from the map with no class (scorers then count them as neither writes nor escalations)')
    .option('--knowledge <files...>', 'knowledge files (.md/.txt; one block per heading): grounding for the agent\'s claims')
    .option('--policy <files...>', 'policy files (.md/.txt; one policy per heading)')
    .option('--catalog <file>', 'product catalog: .csv (name,price[,sku,category,stock,currency]) or .json')
    .option('--truth <jsonl>', 'ground truth per conversation: {"id", "expected_writes", "should_escalate", "outcome"} per line')
    .option('--label <name>', 'stored as the conversations\' model (default: the file\'s base name)')
    .option('-a, --approach <id>', 'approach the agent implements (default: empathic-support-agent)')
    .option('-d, --domain <domain>', 'business domain recorded with the conversations (default: fashion-ecommerce)')
    .option('--no-system-brief', 'do not use the system message as grounding material')
    .option('--db <file>', 'database file to write', DEFAULT_AUDIT_DB)
    .option('-o, --output <dir>', 'report folder (default: beside the database, <db name>-report)')
    .option('-c, --config <file>', 'suite config for the judge model, seed, ROI inputs and bias margins (default: cxbench.config.yaml if present)')
    .option('--no-report', 'store and score only; skip the analysis and the report')
    .action(async (file: string, opts: AuditCliOptions) => {
      const { planAudit } = await import('../../audit/plan.js');
      const { storeAudit } = await import('../../audit/store-audit.js');
      const { summaryLines } = await import('../../audit/summary.js');
      const { loadConfig } = await import('../../plan/suite.js');
      const { openStore } = await import('../../store/db.js');
      const { EVALUATORS, metricCatalog } = await import('../../../evaluators/index.js');
      const { writeMetricCatalog } = await import('../../store/writer.js');
      const { createJudge } = await import('../judge.js');
      const { buildOutputs } = await import('./report.js');

      // Everything is read and checked before the database is opened: a bad line stores nothing.
      const plan = planAudit({
        file, label: opts.label, approach: opts.approach, domain: opts.domain, toolClasses: opts.toolClasses, allowUnmapped: opts.allowUnmapped ?? false,
        knowledge: opts.knowledge, policy: opts.policy, catalog: opts.catalog, truth: opts.truth, useBrief: opts.systemBrief,
      });
      const { config } = loadConfig(opts.config);
      const judge = await createJudge(config);
      const store = await openStore(opts.db);
      const out = (s: string): boolean => process.stdout.write(s + '\n');
      try {
        await writeMetricCatalog(store, metricCatalog());
        const summary = await storeAudit(plan, store, EVALUATORS, judge);
        for (const line of summaryLines(summary, plan.label)) out(line);
        out(`database: ${opts.db}`);
        if (opts.report) {
          const dir = opts.output ?? auditReportDir(opts.db);
          for (const line of await buildOutputs(store, config, { dir, title: `cxbench audit: ${plan.label}` })) out(line);
        }
      } finally {
        store.close();
      }
    });
}
