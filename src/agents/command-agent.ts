import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ProviderError } from '../core/errors.js';
import type { CommandAgentEntry } from '../schema/agents.js';
import type { Agent, AgentFactory } from './agent.js';
import { resolveEnvValues } from './env.js';
import { externalRequest, type ExternalRequest, parseReply, recordedExchange } from './external.js';
import { guarded, Pacer } from './guard.js';

/**
 * A bot written in anything: a program run without a shell. `single`: one process per reply, the request as one JSON
 * document on stdin, the reply as one JSON document on stdout. `jsonl`: one long-lived process for the whole run; each
 * request is one JSON line on its stdin with an `id`, each reply one JSON line on its stdout with the same `id`
 * (replies may come in any order; lines that are not JSON are ignored). A non-zero exit, a crash or a reply that is
 * not JSON is an infrastructure error carrying the program's last words on stderr.
 */
export const createCommandAgent: AgentFactory<'command'> = async ({ label, entry }) => {
  const env = { ...process.env, ...resolveEnvValues(label, 'env', entry.env) };
  const pacer = new Pacer(entry.rpm);
  const exchange = entry.protocol === 'jsonl' ? jsonlExchange(label, entry, env) : undefined;
  const agent: Agent = {
    label, kind: 'command', arm: entry.arm, toolClasses: entry.toolClasses,
    async respond(turns, ctx) {
      const req = externalRequest(turns, ctx, entry.session);
      return recordedExchange(label, entry, turns, ctx, () => guarded(entry, pacer, label, async (signal) => parseReply(label, exchange ? await exchange.send(req, signal) : await runOnce(label, entry, env, req, signal)), ctx.signal));
    },
    async close() { exchange?.close(); },
  };
  return agent;
};

const tail = (s: string): string => { const t = s.trim().split('\n').slice(-3).join(' | '); return t.length > 300 ? `…${t.slice(-300)}` : t; };

function start(label: string, entry: CommandAgentEntry, env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  const [cmd, ...args] = entry.command;
  return spawn(cmd!, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
}

const launchFailure = (label: string, entry: CommandAgentEntry, e: Error): ProviderError =>
  new ProviderError('network', `${label} could not start ${JSON.stringify(entry.command.join(' '))}: ${e.message}`);

/** One process per reply. */
function runOnce(label: string, entry: CommandAgentEntry, env: NodeJS.ProcessEnv, req: ExternalRequest, signal: AbortSignal): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = start(label, entry, env);
    let out = '';
    let err = '';
    const onAbort = (): void => { child.kill('SIGKILL'); };
    signal.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
    child.on('error', (e) => { signal.removeEventListener('abort', onAbort); reject(launchFailure(label, entry, e)); });
    child.on('close', (code, sig) => {
      signal.removeEventListener('abort', onAbort);
      if (signal.aborted) return reject(signal.reason);
      if (code !== 0) return reject(new ProviderError('server', `${label} exited with ${code === null ? `signal ${sig}` : `code ${code}`}${err.trim() ? `: ${tail(err)}` : ''}`));
      try { resolve(JSON.parse(out)); } catch { reject(new ProviderError('malformed', `${label} wrote something that is not one JSON document on stdout: ${JSON.stringify(out.slice(0, 120))}${err.trim() ? ` (stderr: ${tail(err)})` : ''}`)); }
    });
    child.stdin.on('error', () => undefined); // a program that exits without reading its input: its exit code says why
    child.stdin.end(JSON.stringify(req));
  });
}

interface Pending { resolve: (v: unknown) => void; reject: (e: unknown) => void }

/** One long-lived process, requests and replies matched by id; started on first use and again after it dies. */
function jsonlExchange(label: string, entry: CommandAgentEntry, env: NodeJS.ProcessEnv): { send(req: ExternalRequest, signal: AbortSignal): Promise<unknown>; close(): void } {
  let child: ChildProcessWithoutNullStreams | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let err = '';
  const failAll = (e: ProviderError): void => { for (const p of pending.values()) p.reject(e); pending.clear(); };
  const ensure = (): ChildProcessWithoutNullStreams => {
    if (child) return child;
    const c = start(label, entry, env);
    child = c;
    err = '';
    c.stderr.setEncoding('utf8').on('data', (d: string) => { err = (err + d).slice(-4000); });
    c.on('error', (e) => { if (child === c) child = undefined; failAll(launchFailure(label, entry, e)); });
    c.on('close', (code, sig) => {
      if (child === c) child = undefined;
      failAll(new ProviderError('network', `${label} exited with ${code === null ? `signal ${sig}` : `code ${code}`} while replies were awaited${err.trim() ? `: ${tail(err)}` : ''}`));
    });
    c.stdin.on('error', () => undefined);
    createInterface({ input: c.stdout }).on('line', (line) => {
      let msg: unknown;
      try { msg = JSON.parse(line); } catch { return; }
      if (!msg || typeof msg !== 'object' || Array.isArray(msg)) return;
      const { id, ...reply } = msg as { id?: unknown };
      const p = typeof id === 'number' ? pending.get(id) : undefined;
      if (!p) return;
      pending.delete(id as number);
      p.resolve(reply);
    });
    return c;
  };
  return {
    send(req, signal) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        signal.addEventListener('abort', () => { if (pending.delete(id)) reject(signal.reason); }, { once: true });
        ensure().stdin.write(`${JSON.stringify({ id, ...req })}\n`);
      });
    },
    close() {
      const c = child;
      child = undefined;
      if (c) { c.stdin.end(); setTimeout(() => c.kill(), 2000).unref(); }
    },
  };
}
