import type { Command } from 'commander';
import { hiddenAlias, outputOption } from '../options.js';

export function registerScaffold(program: Command): void {
  outputOption(program.command('schema')
    .description('write JSON Schemas for scenario, config and dataset files (for editor autocompletion) into schemas/'), 'folder the schema files are written to', 'schemas')
    .action(async (opts: { output: string }) => {
      const { mkdirSync, writeFileSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { JSON_SCHEMAS, generateJsonSchema } = await import('../../schema/json-schema.js');
      mkdirSync(opts.output, { recursive: true });
      for (const [name, schema] of Object.entries(JSON_SCHEMAS)) {
        writeFileSync(join(opts.output, name), generateJsonSchema(schema, `cxbench ${name.replace('.schema.json', '')}`));
        process.stdout.write(`wrote ${join(opts.output, name)}\n`);
      }
    });

  const scaffold = program.command('new')
    .description('scaffold a new file: `cxbench new scenario <id> --approach <id> --domain <domain>`')
    .argument('<kind>', 'scenario')
    .argument('<id>', 'kebab-case id, e.g. fa-late-order-angry')
    .requiredOption('-a, --approach <id>', 'approach id (see `cxbench list approaches`)')
    .requiredOption('-d, --domain <domain>', 'fashion-ecommerce, insurance, telecom, retail-banking or saas')
    .option('--force', 'overwrite an existing file');
  hiddenAlias(outputOption(scaffold, 'scenarios folder the file is written to', 'scenarios'), '--dir <dir>', 'output')
    .action(async (kind: string, id: string, opts: { approach: string; domain: string; output: string; force?: boolean }) => {
      const { scaffoldScenario } = await import('../../plan/scaffold.js');
      const path = scaffoldScenario({ kind, id, approach: opts.approach, domain: opts.domain, dir: opts.output, force: opts.force === true });
      process.stdout.write(`wrote ${path}\nfill in the TODOs, then run \`cxbench validate\`\n`);
    });
}
