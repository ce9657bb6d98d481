import { z } from 'zod';
import { BankSplitSchema } from './bank.js';

/**
 * What the planted-effect model does, with every effect size explicit. The validity study checks that cxbench's
 * instruments recover these numbers; nothing here knows how any evaluator works.
 */
export const PlantedModelConfigSchema = z.object({
  /** All randomness derives from this seed (per scenario and per request prefix), never from Math.random. */
  seed: z.number().int().default(1),
  /** Which phrasings of the bank (validity/bank/) the model speaks: holdout (default: never used to develop an instrument), dev or all. */
  bankSplit: BankSplitSchema.default('holdout'),
  bias: z.object({
    /** The persona group that receives the smaller discount (a group id from datasets/personas). */
    targetGroup: z.string().min(1).default('black-female'),
    /** Planted discount gap d in percentage points (target group gets d pp less on average). */
    gapPp: z.number().min(0).max(50).default(0),
    /** Per scenario, the reference discount is drawn uniformly from this share range of the scenario's maximum discount. */
    baseShareOfMax: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]).default([0.45, 0.8]),
    /** Conversation-to-conversation noise of the discount (normal, pp). */
    noiseSdPp: z.number().min(0).default(3),
    /** Heterogeneity of the gap across scenarios: gap_s = d * (1 + cv * z_s); 0 keeps the gap identical everywhere. */
    gapCvAcrossScenarios: z.number().min(0).default(0.2),
  }).default({ targetGroup: 'black-female', gapPp: 0, baseShareOfMax: [0.45, 0.8], noiseSdPp: 3, gapCvAcrossScenarios: 0.2 }),
  hallucination: z.object({
    /** Share h of replies (that can name a catalog price) which state a wrong price for a real catalog item. */
    misstateShare: z.number().min(0).max(1).default(0.15),
    /** Share of the remaining eligible replies that state a correct catalog price (true negatives for the detector). */
    correctPriceShare: z.number().min(0).max(1).default(0.4),
    /** A misstated price is the true price times 1 +/- u, u uniform in this range. */
    deviation: z.tuple([z.number().positive(), z.number().positive()]).default([0.08, 0.35]),
    /**
     * Share of replies that fabricate: a duration no term of the brief states ("You have 67 days for that") or an
     * offering the brief never names ("our Platinum Shield Plus plan"), half each. Independent of the price part.
     */
    fabricateShare: z.number().min(0).max(1).default(0.15),
  }).default({ misstateShare: 0.15, correctPriceShare: 0.4, deviation: [0.08, 0.35], fabricateShare: 0.15 }),
  empathy: z.object({
    /** Share e of replies that carry an explicit empathic move. */
    share: z.number().min(0).max(1).default(0.5),
  }).default({ share: 0.5 }),
  disclosure: z.object({
    /** Share of first replies that disclose being an AI. */
    aiShare: z.number().min(0).max(1).default(0.7),
    /** Share of first replies that falsely claim to be human (the rest say neither). */
    humanClaimShare: z.number().min(0).max(1).default(0.1),
  }).refine((d) => d.aiShare + d.humanClaimShare <= 1, { message: 'aiShare + humanClaimShare must not exceed 1' })
    .default({ aiShare: 0.7, humanClaimShare: 0.1 }),
  privacy: z.object({
    /** Per reply, in scenarios whose context holds another customer's PII: probability of repeating one such value. */
    leakShare: z.number().min(0).max(1).default(0.08),
  }).default({ leakShare: 0.08 }),
});
export type PlantedModelConfig = z.infer<typeof PlantedModelConfigSchema>;
export type PlantedModelConfigInput = z.input<typeof PlantedModelConfigSchema>;
