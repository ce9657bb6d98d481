import { parentPort } from 'node:worker_threads';
import { EVALUATORS } from '../../evaluators/index.js';
import type { ResolvedScenario } from '../plan/material.js';
import { scoreConversation } from './score-conversation.js';
import type { ScoreReply, ScoreRequest } from './score-pool.js';

// Evaluators cache per-scenario work (gazetteers, grounding) by object identity; a structured clone is a new object
// every time, so equal scenarios are interned by key to keep those caches warm.
const interned = new Map<string, ResolvedScenario>();
const INTERN_MAX = 512;

parentPort?.on('message', (m: ScoreRequest) => {
  let r = interned.get(m.rKey);
  if (!r) {
    if (interned.size >= INTERN_MAX) interned.delete(interned.keys().next().value as string);
    r = m.r;
    interned.set(m.rKey, r);
  }
  scoreConversation(m.conv, r, EVALUATORS, {}).then(
    (scores) => parentPort?.postMessage({ id: m.id, scores } satisfies ScoreReply),
    (e: unknown) => parentPort?.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) } satisfies ScoreReply),
  );
});
