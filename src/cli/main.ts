import { Command, CommanderError } from 'commander';
import { reportError, EXIT } from './exit.js';
import { registerRun } from './commands/run.js';
import { registerList } from './commands/list.js';
import { registerValidate } from './commands/validate.js';
import { registerAnalyse, registerReport } from './commands/report.js';
import { registerScore } from './commands/score.js';
import { registerEstimate } from './commands/estimate.js';
import { registerJudge } from './commands/judge.js';
import { registerScaffold } from './commands/scaffold.js';
import { registerImport } from './commands/import.js';
import { registerValidity } from './commands/validity.js';
import { registerEmpathyCalibrate } from './commands/empathy-calibrate.js';
import { registerMerge } from './commands/merge.js';
import { registerExport } from './commands/export.js';
import { registerAudit } from './commands/audit.js';
import { registerView } from './commands/view.js';

/** Command modules import their heavy dependencies inside their actions, so `cxbench --help` stays fast. */
export function buildProgram(): Command {
  const program = new Command('cxbench')
    .description('Measure whether generative-AI customer-interaction approaches beat traditional automation: on which model, at what risk and cost.')
    .version(process.env['npm_package_version'] ?? '0.1.0')
    .showHelpAfterError()
    .exitOverride();
  const commands = [
    registerRun,
    registerEstimate,
    registerList,
    registerValidate,
    registerScore,
    registerAnalyse,
    registerReport,
    registerScaffold,
    registerImport,
    registerAudit,
    registerJudge,
    registerMerge,
    registerExport,
    registerValidity,
    registerEmpathyCalibrate,
    registerView,
  ];
  for (const register of commands) register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    process.exitCode ??= EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; usage errors exit 2 (commander already printed the message).
      process.exitCode = e.exitCode === 0 ? 0 : EXIT.badInput;
      return;
    }
    process.exitCode = reportError(e);
  }
}

const isEntry = process.argv[1] && /cli[\\/]main\.(ts|js)$/.test(process.argv[1]);
if (isEntry) void main(process.argv);
