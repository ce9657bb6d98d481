import type { GenerateResult } from './types.js';

/**
 * A failure on this machine, not the agent's nor the provider's: the disk is full, a folder is not writable, the
 * response cache or the database cannot be written, or the run was interrupted. Cells that end with one are stored
 * as `local-error`, left out of every quality statistic, and run again on the next `cxbench run`.
 */
export type LocalPlace = 'cache' | 'database' | 'output' | 'interrupted';

/** What went wrong, from the operating system's error code when there is one. */
export type LocalCause = 'disk-full' | 'permission' | 'read-only' | 'io' | 'interrupted';

const CAUSES: Record<string, LocalCause> = {
  ENOSPC: 'disk-full', EDQUOT: 'disk-full', EFBIG: 'disk-full',
  EACCES: 'permission', EPERM: 'permission',
  EROFS: 'read-only',
};

const MESSAGES: [RegExp, LocalCause][] = [
  [/ENOSPC|EDQUOT|No space left|quota exceeded/i, 'disk-full'],
  [/EACCES|EPERM|Permission denied|not permitted/i, 'permission'],
  [/EROFS|Read-only file system/i, 'read-only'],
];

export class LocalError extends Error {
  /** A model call that was made (and paid) before the local failure, so its usage and cost can still be recorded. */
  outcome?: { result: GenerateResult; cached: boolean; retries: number };
  constructor(readonly place: LocalPlace, readonly reason: LocalCause, message: string) {
    super(message);
    this.name = 'LocalError';
  }
}

/** Wraps a file-system failure at `path` (writing `what`) as a LocalError that names the place, the path and the cause. */
export function localFailure(place: Exclude<LocalPlace, 'interrupted'>, what: string, path: string, e: unknown): LocalError {
  const code = (e as { code?: unknown } | null)?.code;
  const detail = (e instanceof Error ? e.message.split('\n')[0] : String(e)) ?? '';
  // Errors that crossed a thread (the store worker's) keep only their message: DuckDB's say what the system said.
  const cause = (typeof code === 'string' && CAUSES[code]) || MESSAGES.find(([re]) => re.test(detail))?.[1] || 'io';
  return new LocalError(place, cause, `cannot write ${what} at ${path} (${cause}): ${detail}`);
}

/** A cell cut short because the user interrupted the run: ours to finish, never the agent's fault. */
export const interrupted = (): LocalError => new LocalError('interrupted', 'interrupted', 'the run was interrupted before this conversation finished');
