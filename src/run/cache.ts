import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { ProviderError } from '../core/errors.js';
import { localFailure } from '../core/local-error.js';
import { TurnSchema, UsageSchema, type GenerateRequest } from '../core/types.js';
import { sha256 } from '../plan/cells.js';
import type { CallOutcome, ModelClient } from './model-client.js';

/** What a cache entry holds: the normalised result only. Requests carry no keys, so neither do entries. */
const EntrySchema = z.object({
  v: z.literal(1),
  model: z.string(),
  turn: TurnSchema,
  usage: UsageSchema,
  latencyMs: z.number(),
  finishReason: z.string(),
});

export type CacheMode = 'use' | 'off' | 'offline';

/** The normalised request: model, system prompt, turns, tools and settings; never the rules context or a key. */
export function requestKey(modelId: string, req: GenerateRequest): string {
  return sha256(JSON.stringify({ m: modelId, r: req.role, s: req.system, t: req.turns, tools: req.tools, set: req.settings }));
}

/**
 * Content-addressed response cache on disk (one small JSON file per request under <dir>/ab/cdef…). Identical
 * in-flight requests are made once; errors are never cached. `offline` replays and fails clearly on a miss.
 */
export function withCache(inner: ModelClient, dir: string, mode: CacheMode): ModelClient {
  if (mode === 'off' || inner.spec.kind === 'rules') return inner;
  const inflight = new Map<string, Promise<CallOutcome>>();
  const pathOf = (key: string): string => join(dir, key.slice(0, 2), `${key.slice(2)}.json`);
  const read = (key: string): CallOutcome | undefined => {
    let json: unknown;
    // A missing, unreadable or garbled entry is a miss: the call is made again and the entry rewritten.
    try { json = JSON.parse(readFileSync(pathOf(key), 'utf8')); } catch { return undefined; }
    const parsed = EntrySchema.safeParse(json);
    if (!parsed.success) return undefined;
    const e = parsed.data;
    return { result: { turn: e.turn, usage: e.usage, latencyMs: e.latencyMs, model: e.model, finishReason: e.finishReason }, cached: true, retries: 0 };
  };
  /** A cache that cannot be written is our failure (disk full, permissions), never the agent's: a LocalError. */
  const write = (key: string, out: CallOutcome): void => {
    const file = pathOf(key);
    const tmp = `${file}.${process.pid}.tmp`;
    const r = out.result;
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(tmp, JSON.stringify({ v: 1, model: r.model, turn: r.turn, usage: r.usage, latencyMs: r.latencyMs, finishReason: r.finishReason }));
      renameSync(tmp, file); // atomic: a killed process never leaves a half-written entry
    } catch (e) {
      try { rmSync(tmp, { force: true }); } catch { /* the folder may be unwritable too */ }
      const err = localFailure('cache', 'the response cache', dir, e);
      err.outcome = out;
      throw err;
    }
  };
  return {
    spec: inner.spec,
    id: inner.id,
    async generate(req, signal) {
      const key = requestKey(inner.id, req);
      const hit = read(key);
      if (hit) return hit;
      if (mode === 'offline') throw new ProviderError('cache-miss', `offline: no cached response for this ${inner.id} request (run once without --offline to fill the cache)`);
      const running = inflight.get(key);
      if (running) return { ...(await running), cached: true, retries: 0 };
      const p = inner.generate(req, signal);
      inflight.set(key, p);
      try {
        const out = await p;
        write(key, out);
        return out;
      } finally {
        inflight.delete(key);
      }
    },
  };
}
