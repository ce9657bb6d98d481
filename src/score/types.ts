import { z } from 'zod';
import type { Backend } from '../core/types.js';
import type { Conversation } from '../core/conversation.js';
import type { ResolvedScenario } from '../plan/material.js';
import type { ModelSpec } from '../schema/model-spec.js';

export const EvidenceSchema = z.object({
  /** Index into conversation.turns, when the evidence is in a turn. */
  turn: z.number().int().nonnegative().optional(),
  quote: z.string().optional(),
  factId: z.string().optional(),
  note: z.string().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ScoreSchema = z.object({
  metric: z.string(),
  /** null = no material to score (never 0 or 1 in that case). */
  value: z.number().nullable(),
  explanation: z.string(),
  evidence: z.array(EvidenceSchema),
  /** `deterministic@<version>`, `fallback@<version>` or `judge:<model>#<prompt sha256 prefix>`. */
  evaluator: z.string(),
});
export type Score = z.infer<typeof ScoreSchema>;

export interface ScoreContext {
  /** Present only when a judge model is configured. */
  judge?: Backend;
}

/** The judge role of a run: its backend for the scorers, its spec to price the judge's calls (stored as model calls). */
export interface JudgeRole {
  backend: NonNullable<ScoreContext['judge']>;
  spec: ModelSpec;
}

export type Scorer = (conversation: Conversation, scenario: ResolvedScenario, ctx: ScoreContext) => Promise<Score[]>;

export const MetricDirectionSchema = z.enum(['higher-better', 'lower-better', 'neutral']);

export const MetricInfoSchema = z.object({
  id: z.string(),
  family: z.string(),
  title: z.string(),
  unit: z.enum(['rate', 'score', 'count', 'usd', 'ms', 'pp', 'tokens']),
  direction: MetricDirectionSchema,
  description: z.string(),
  /**
   * Set when the metric comes from an instrument not validated against people (or whose measured validity is below
   * the bar): the text says so and why. Reports label such figures "unvalidated screen" and keep them out of headlines.
   */
  screen: z.string().optional(),
  /**
   * On a judge metric: the deterministic metric that measures the same construct. Analysis stores their
   * per-conversation agreement (instrument_agreement), so a reader sees where the two instruments part ways.
   */
  judgeOf: z.string().optional(),
});
export type MetricInfo = z.infer<typeof MetricInfoSchema>;

export interface Evaluator {
  id: string;
  version: number;
  description: string;
  metrics: MetricInfo[];
  score: Scorer;
}

export const deterministicLabel = (id: string, version: number): string => `deterministic:${id}@${version}`;
export const fallbackLabel = (id: string, version: number): string => `fallback:${id}@${version}`;
