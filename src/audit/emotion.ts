import { CustomerTurnSchema, type CustomerTurn } from '../schema/scenario.js';

/**
 * How upset the customer is in one message: an EmpatheticDialogues label and an intensity 0-10, the annotation
 * cxbench's own scenarios carry per customer turn. A transcript has none unless the team adds it (`metadata.emotion`
 * on a user message or on the conversation; CSV `emotion` + `intensity`). Without it no customer turn is known to be
 * emotional, so the empathy metrics gated on emotional turns are not scorable (src/audit/unknowns.ts).
 */
export const EmotionSchema = CustomerTurnSchema.shape.emotion;
export type Emotion = CustomerTurn['emotion'];

/** What an unannotated customer turn is given in the audit's scenario: no emotional load known. */
export const NO_EMOTION: Emotion = { label: 'neutral', intensity: 0 };

/** The metrics that only exist for emotional customer turns (annotated intensity at or above a threshold). */
export const EMOTION_GATED_METRICS: ReadonlySet<string> = new Set([
  'empathy.er', 'empathy.ip', 'empathy.ex', 'empathy.lex', 'empathy.next_step',
  'empathy.epitome', 'empathy.judge_er', 'empathy.judge_ip', 'empathy.judge_ex', 'empathy.appropriateness', 'empathy.action_alignment',
  'manipulation.distress_exploit',
]);
