import { z } from 'zod';
import { RoleSchema, TurnSchema, UsageSchema } from './types.js';

/** One model call, as stored: role, usage kept apart, latency, and the price actually used. */
export const ModelCallSchema = z.object({
  idx: z.number().int().nonnegative(),
  role: RoleSchema,
  model: z.string(),
  usage: UsageSchema,
  latencyMs: z.number().nonnegative(),
  costUsd: z.number().nonnegative().nullable(),
  priceSource: z.string(),
  /** Served from the request cache: no provider call was made. */
  cached: z.boolean().default(false),
  isBatch: z.boolean().default(false),
  retries: z.number().int().nonnegative().default(0),
  /** Set when the call finally failed (after retries): the provider error kind and message. */
  error: z.string().nullable().default(null),
  /** Streamed calls: milliseconds from the request to the first token (src/providers/streaming.ts); absent otherwise. */
  ttftMs: z.number().nonnegative().optional(),
  /** Streamed calls: output tokens per second after the first token; absent when not measured. */
  outputTokensPerS: z.number().nonnegative().optional(),
  /**
   * False when the source reported no token counts (an audited transcript without usage): `usage` then holds zeros
   * that mean "unknown", and the store writes NULL token columns. Absent means known.
   */
  usageKnown: z.boolean().optional(),
  /** False when no latency was measured (an audited transcript): `latencyMs` means "unknown", stored as NULL. */
  latencyKnown: z.boolean().optional(),
});
export type ModelCall = z.infer<typeof ModelCallSchema>;

/**
 * Whose a cell's outcome is: `done` (a result), `agent-error` (the agent failed: a result too), `infra-error` (the
 * provider failed: HTTP, timeout, malformed), `local-error` (this machine failed: disk, permissions, cache, database,
 * or the run was interrupted). Only `done` cells enter quality statistics; infra and local errors run again on resume.
 */
export const CellStatusSchema = z.enum(['done', 'agent-error', 'infra-error', 'local-error']);
export type CellStatus = z.infer<typeof CellStatusSchema>;

/** The identity of a cell: (approach, scenario@version, persona variant, model, epoch). */
export const CellSchema = z.object({
  key: z.string(),
  approach: z.string(),
  stage: z.string(),
  mode: z.string(),
  domain: z.string(),
  scenarioId: z.string(),
  scenarioVersion: z.number().int(),
  variantSet: z.string(),
  variantId: z.string(),
  attribute: z.string(),
  group: z.string(),
  isReference: z.boolean(),
  model: z.string(),
  epoch: z.number().int().nonnegative(),
});
export type Cell = z.infer<typeof CellSchema>;

/** A finished conversation: what the store writes and what scorers read. */
export const ConversationSchema = z.object({
  cell: CellSchema,
  runId: z.string(),
  status: CellStatusSchema,
  errorMessage: z.string().nullable(),
  turns: z.array(TurnSchema),
  calls: z.array(ModelCallSchema),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** Wall time spent waiting on the agent backend (sum of agent latencies). */
  handleTimeMs: z.number().nonnegative(),
  /** Why the conversation ended: script exhausted, escalated, max steps, stop signal, error. */
  endReason: z.string(),
  /** The agent's arm (src/agents/plan.ts armOf); when absent the store derives it from the model ('rules' is traditional). */
  arm: z.enum(['gai', 'traditional']).optional(),
});
export type Conversation = z.infer<typeof ConversationSchema>;
