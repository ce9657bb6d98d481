/** How long calls in flight may take to finish after the first Ctrl-C before they are cut off. */
export const GRACE_MS = Number(process.env['CXBENCH_GRACE_MS'] ?? '') || 10_000;

/** The exit code a shell expects from a process stopped by this signal (128 + its number). */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof SIGNAL_EXIT;

export interface Interruption {
  /** Aborted at the first SIGINT/SIGTERM: start nothing new. */
  stop: AbortSignal;
  /** Aborted when the grace period ends: cut the calls still in flight. */
  cut: AbortSignal;
  /** The signal received, if any. */
  received(): StopSignal | undefined;
  /** Removes the handlers (the process's default behaviour comes back), unless a signal was already received. */
  dispose(): void;
}

/**
 * SIGINT and SIGTERM during a run: the first stops new calls, lets the calls in flight finish for up to GRACE_MS,
 * and leaves the runner to commit what finished and mark the run interrupted; a second one exits at once (nothing
 * half-written is kept: each cell is committed whole or not at all).
 */
export function handleInterrupts(err: (s: string) => void = (s) => process.stderr.write(s + '\n')): Interruption {
  const stop = new AbortController();
  const cut = new AbortController();
  let got: StopSignal | undefined;
  let timer: NodeJS.Timeout | undefined;
  const on = (sig: StopSignal): void => {
    if (got) {
      err(`\n${sig} again: exiting now. Cells already committed are kept; run the same command to resume.`);
      process.exit(SIGNAL_EXIT[got]);
    }
    got = sig;
    err(`\n${sig}: stopping. No new calls; waiting up to ${Math.round(GRACE_MS / 1000)} s for the calls in flight, then saving what finished. Press Ctrl-C again to quit at once.`);
    stop.abort();
    timer = setTimeout(() => cut.abort(), GRACE_MS);
    timer.unref();
  };
  const onInt = (): void => on('SIGINT');
  const onTerm = (): void => on('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return {
    stop: stop.signal,
    cut: cut.signal,
    received: () => got,
    dispose() {
      clearTimeout(timer);
      // Once interrupted, the process is on its way out: keep the handlers, so a second Ctrl-C that lands while the
      // run is committing and closing still exits with the message and 130, not by the default signal death.
      if (got) return;
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    },
  };
}
