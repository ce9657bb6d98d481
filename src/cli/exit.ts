import { formatProblem, InputError, RunAbort } from '../core/errors.js';

export const EXIT = { ok: 0, failedCells: 1, badInput: 2 } as const;

/** Turns any error into a message and an exit code; never prints a stack trace unless CXBENCH_DEBUG=1. */
export function reportError(e: unknown, err: (s: string) => void = (s) => process.stderr.write(s + '\n')): number {
  if (e instanceof InputError) {
    err(`error: ${e.message}`);
    for (const p of e.problems) err(`  - ${formatProblem(p)}`);
    return EXIT.badInput;
  }
  if (e instanceof RunAbort) {
    err(`error: ${e.message}`);
    return EXIT.failedCells;
  }
  const code = (e as { code?: string } | null)?.code;
  if (typeof code === 'string' && code.startsWith('commander.')) return EXIT.badInput;
  err(`error: ${e instanceof Error ? e.message : String(e)}`);
  if (process.env['CXBENCH_DEBUG'] === '1' && e instanceof Error && e.stack) err(e.stack);
  return EXIT.failedCells;
}
