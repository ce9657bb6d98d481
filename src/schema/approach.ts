import { z } from 'zod';

export const StageSchema = z.enum(['attract-inform', 'sell-choose', 'service-support', 'retain-loyalty', 'feedback-cocreate']);
export type Stage = z.infer<typeof StageSchema>;

export const ValueTypeSchema = z.enum(['personalization', 'proactivity', 'efficiency', 'empathy', 'co-creation']);
export type ValueType = z.infer<typeof ValueTypeSchema>;

/** dialogue: customer speaks first; outreach: agent speaks first; analysis: a corpus in, a report out. */
export const ModeSchema = z.enum(['dialogue', 'outreach', 'analysis']);
export type Mode = z.infer<typeof ModeSchema>;

export const ApproachIdSchema = z.enum([
  'hyper-personalized-content',
  'conversational-onboarding',
  'ai-sales-consultant',
  'on-the-fly-offers',
  'proactive-predictive-support',
  'empathic-support-agent',
  'personalized-loyalty-program',
  'vip-exclusive-content',
  'feedback-insight-analysis',
  'co-creation-facilitation',
]);
export type ApproachId = z.infer<typeof ApproachIdSchema>;

export const ApproachMetaSchema = z.object({
  id: ApproachIdSchema,
  title: z.string(),
  stage: StageSchema,
  stageOrder: z.number().int().min(1).max(5),
  value: ValueTypeSchema,
  mode: ModeSchema,
  /** What the GAI agent does, in one sentence (from the source classification, own words). */
  essence: z.string(),
  /** What the traditional-automation counterpart does. */
  traditional: z.string(),
  tools: z.array(z.string()),
});
export type ApproachMeta = z.infer<typeof ApproachMetaSchema>;
