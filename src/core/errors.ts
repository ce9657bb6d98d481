/** Bad input or usage: the CLI prints the message (no stack) and exits 2. */
export class InputError extends Error {
  constructor(message: string, readonly problems: InputProblem[] = []) {
    super(message);
    this.name = 'InputError';
  }
}

export interface InputProblem {
  file: string;
  /** Dotted field path, e.g. customer.turns.0.emotion.intensity */
  path: string;
  expected: string;
  found: string;
  line?: number;
}

export function formatProblem(p: InputProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const field = p.path ? ` field \`${p.path}\`` : '';
  return `${where}:${field} expected ${p.expected}, found ${p.found}`;
}

/** A run that cannot continue for a reason outside the input (auth failure, budget cap, lock held). Exit 1. */
export class RunAbort extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunAbort';
  }
}

/** A provider-side failure: infrastructure, recorded apart from agent failures. `auth` stops that provider's cells. */
export type ProviderErrorKind = 'auth' | 'rate-limit' | 'server' | 'timeout' | 'network' | 'bad-request' | 'malformed' | 'budget' | 'cache-miss';

export class ProviderError extends Error {
  /** Attempts made before giving up (set by the retry layer). */
  attempts = 1;
  constructor(readonly kind: ProviderErrorKind, message: string, readonly status?: number, readonly retryAfterMs?: number) {
    super(message);
    this.name = 'ProviderError';
  }
}
