/** Progress display: a redrawn line on a terminal, plain periodic lines otherwise (CI logs). */
export interface Progress {
  start(total: number, label: string): void;
  tick(status: 'done' | 'agent-error' | 'infra-error' | 'local-error' | 'skipped'): void;
  finish(): void;
}

export type ProgressKind = 'tty' | 'plain' | 'silent';

class Counter {
  total = 0; done = 0; agentErr = 0; infraErr = 0; localErr = 0; skipped = 0; label = ''; t0 = Date.now();
  get finished(): number { return this.done + this.agentErr + this.infraErr + this.localErr + this.skipped; }
  line(): string {
    const secs = ((Date.now() - this.t0) / 1000).toFixed(1);
    return `${this.label}: ${this.finished}/${this.total} cells (done ${this.done}, agent errors ${this.agentErr}, infra errors ${this.infraErr}${this.localErr ? `, local errors ${this.localErr}` : ''}${this.skipped ? `, skipped ${this.skipped}` : ''}) ${secs}s`;
  }
  count(s: Parameters<Progress['tick']>[0]): void {
    if (s === 'done') this.done++; else if (s === 'agent-error') this.agentErr++; else if (s === 'infra-error') this.infraErr++; else if (s === 'local-error') this.localErr++; else this.skipped++;
  }
}

const renderers = {
  tty: (out: NodeJS.WriteStream) => {
    const c = new Counter();
    let last = 0;
    return {
      start(total: number, label: string) { c.total = total; c.label = label; c.t0 = Date.now(); },
      tick(s: Parameters<Progress['tick']>[0]) {
        c.count(s);
        const now = Date.now();
        if (now - last > 100 || c.finished === c.total) { last = now; out.write(`\r\x1b[2K${c.line()}`); }
      },
      finish() { if (c.total) out.write(`\r\x1b[2K${c.line()}\n`); },
    };
  },
  plain: (out: NodeJS.WriteStream) => {
    const c = new Counter();
    let nextPct = 10;
    return {
      // Nothing to run shows nothing: the command's own summary says so.
      start(total: number, label: string) { c.total = total; c.label = label; c.t0 = Date.now(); if (total) out.write(`${label}: ${total} cells to run\n`); },
      tick(s: Parameters<Progress['tick']>[0]) {
        c.count(s);
        const pct = c.total ? (100 * c.finished) / c.total : 100;
        if (pct >= nextPct && c.finished < c.total) { out.write(`${c.line()}\n`); while (nextPct <= pct) nextPct += 10; }
      },
      finish() { if (c.total) out.write(`${c.line()}\n`); },
    };
  },
  silent: () => ({ start() {}, tick() {}, finish() {} }),
} satisfies Record<ProgressKind, (out: NodeJS.WriteStream) => Progress>;

export function createProgress(kind?: ProgressKind, out: NodeJS.WriteStream = process.stderr): Progress {
  return renderers[kind ?? (out.isTTY ? 'tty' : 'plain')](out);
}
