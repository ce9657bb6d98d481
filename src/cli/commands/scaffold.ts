import type { Command } from 'commander';

export function registerScaffold(program: Command): void {
  program.command('schema')
    .description('write JSON Schemas for scenario, config and dataset files (for editor autocompletion) into schemas/')
    .option('-o, --out <dir>', 'output folder', 'schemas')
    .action(async (opts: { out: string }) => {
      const { mkdirSync, writeFileSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { JSON_SCHEMAS, generateJsonSchema } = await import('../../schema/json-schema.js');
      mkdirSync(opts.out, { recursive: true });
      for (const [name, schema] of Object.entries(JSON_SCHEMAS)) {
        writeFileSync(join(opts.out, name), generateJsonSchema(schema, `cxbench ${name.replace('.schema.json', '')}`));
        process.stdout.write(`wrote ${join(opts.out, name)}\n`);
      }
    });

  program.command('new')
    .description('scaffold a new file: `cxbench new scenario <id> --approach <id> --domain <domain>`')
    .argument('<kind>', 'scenario')
    .argument('<id>', 'kebab-case id, e.g. fa-late-order-angry')
    .requiredOption('-a, --approach <id>', 'approach id (see `cxbench list approaches`)')
    .requiredOption('-d, --domain <domain>', 'fashion-ecommerce, insurance, telecom, retail-banking or saas')
    .option('--dir <dir>', 'scenarios folder', 'scenarios')
    .option('--force', 'overwrite an existing file')
    .action(async (kind: string, id: string, opts: { approach: string; domain: string; dir: string; force?: boolean }) => {
      const { scaffoldScenario } = await import('../../plan/scaffold.js');
      const path = scaffoldScenario({ kind, id, approach: opts.approach, domain: opts.domain, dir: opts.dir, force: opts.force === true });
      process.stdout.write(`wrote ${path}\nfill in the TODOs, then run \`cxbench validate\`\n`);
    });
}
