import { z } from 'zod';
import { ApproachIdSchema } from './approach.js';
import { strictObject } from './strict.js';

/**
 * Every object in a scenario file is strict: an unknown key (`forbidenClaims:`, `epoch:`) is an error that names the
 * key, the known field it probably meant, and the fields allowed there.
 */
const strict = strictObject;

/** The 32 EmpatheticDialogues labels (Rashkin et al., ACL 2019) plus `neutral` for turns with no emotional load. */
export const EmotionLabelSchema = z.enum([
  'neutral', 'surprised', 'excited', 'annoyed', 'proud', 'angry', 'sad', 'grateful', 'lonely', 'impressed', 'afraid',
  'disgusted', 'confident', 'terrified', 'hopeful', 'anxious', 'disappointed', 'joyful', 'prepared', 'guilty',
  'furious', 'nostalgic', 'jealous', 'anticipating', 'embarrassed', 'content', 'devastated', 'sentimental', 'caring',
  'trusting', 'ashamed', 'apprehensive', 'faithful',
]);
export type EmotionLabel = z.infer<typeof EmotionLabelSchema>;

export const DomainSchema = z.enum(['fashion-ecommerce', 'insurance', 'telecom', 'retail-banking', 'saas']);
export type Domain = z.infer<typeof DomainSchema>;

export const DifficultySchema = z.enum(['simple', 'multi-step', 'hard']);

/** Language varieties a scripted turn may be rewritten in, with the same meaning (for bias audits). */
export const LanguageVarietySchema = z.enum(['sae', 'aae', 'non-native', 'indian-english']);
export type LanguageVariety = z.infer<typeof LanguageVarietySchema>;

export const CustomerTurnSchema = strict({
  /** May contain persona slots such as {{customer.firstName}}. */
  text: z.string().min(1),
  emotion: strict({ label: EmotionLabelSchema, intensity: z.number().int().min(0).max(10) }),
  /** Marks probes whose answer is judged on its own (e.g. "am I talking to a real person?"). */
  probe: z.enum(['human-or-ai', 'refuses-upsell', 'out-of-policy-request']).optional(),
  /** The same turn in other language varieties; identical meaning, authored by hand. */
  varieties: z.partialRecord(LanguageVarietySchema, z.string().min(1)).optional(),
});
export type CustomerTurn = z.infer<typeof CustomerTurnSchema>;

export const FactSchema = strict({
  id: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'lower-case id of letters, digits, _ . -'),
  text: z.string().min(1),
  kind: z.enum(['price', 'discount', 'date', 'duration', 'policy', 'order-status', 'product', 'account', 'contact', 'signal', 'other']),
  /** Machine-checkable value (money in the scenario currency, percent as a number, days for durations, ISO date). */
  value: z.union([z.number(), z.string()]).optional(),
});
export type Fact = z.infer<typeof FactSchema>;

export const RequiredInfoSchema = strict({
  id: z.string(),
  description: z.string(),
  /** Any of these phrases (case-insensitive) in an agent turn counts as giving the information. */
  anyOf: z.array(z.string().min(1)).min(1),
  factIds: z.array(z.string()).default([]),
});

export const ForbiddenClaimSchema = strict({
  id: z.string(),
  description: z.string(),
  /** Case-insensitive phrases; a match outside a negated sentence is a violation. */
  anyOf: z.array(z.string().min(1)).min(1),
});

export const EndStateSchema = z.discriminatedUnion('kind', [
  strict({ kind: z.literal('tool'), tool: z.string(), args: z.record(z.string(), z.unknown()).default({}) }),
  strict({ kind: z.literal('escalate') }),
  strict({ kind: z.literal('answer') }),
  strict({ kind: z.literal('report'), tool: z.string() }),
  /**
   * Outcome truth as actions: every listed write happened with matching arguments (order-free, numeric tolerance),
   * and no other write happened. Escalation is judged by `shouldEscalate`. Writes are tools of class `write`.
   */
  strict({
    kind: z.literal('actions'),
    writes: z.array(strict({ tool: z.string().min(1), args: z.record(z.string(), z.unknown()).default({}) })).default([]),
  }),
]);
export type EndState = z.infer<typeof EndStateSchema>;

export const PiiItemSchema = strict({
  kind: z.enum(['email', 'phone', 'card', 'iban', 'address', 'account-id', 'name']),
  value: z.string().min(3),
  /** Whose data: the current customer, or another one (a cross-customer leak is critical). */
  owner: z.enum(['self', 'other']),
});

export const BoundsSchema = strict({
  currency: z.string().length(3).default('USD'),
  maxDiscountPct: z.number().min(0).max(100).optional(),
  priceFloor: z.number().nonnegative().optional(),
  priceCeiling: z.number().nonnegative().optional(),
  /** The price offered is personalised from the profile: EU law expects the customer to be told. */
  personalisedPricing: z.boolean().default(false),
});

export const DatasetRefsSchema = strict({
  catalog: z.array(z.string()).default([]),
  policies: z.array(z.string()).default([]),
  kb: z.array(z.string()).default([]),
  crm: z.string().optional(),
  signals: z.array(z.string()).default([]),
  /** analysis mode: which corpus (feedback or idea pool) and optional filter by tag. */
  corpus: strict({ id: z.string(), tag: z.string().optional(), limit: z.number().int().positive().optional() }).optional(),
});

export const ScenarioSchema = strict({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'kebab-case id'),
  version: z.number().int().positive(),
  /** Bundled scenarios are synthetic and say so; imported ones (a team's own tickets) say where they came from. */
  synthetic: z.boolean({ error: 'say whether the scenario is synthetic: `synthetic: true` (or false with a `source`)' }),
  source: z.string().min(3).optional(),
  title: z.string().min(3),
  approach: ApproachIdSchema,
  domain: DomainSchema,
  difficulty: DifficultySchema,
  tags: z.array(z.string()).default([]),
  /** Local "now" for relative dates. */
  now: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ISO date YYYY-MM-DD'),
  /**
   * `false` when the day the conversation happened is not known (an audited transcript the file does not date):
   * `now` is then only a placeholder, and a date or duration that only "now" could support is not checkable (never
   * counted as supported, nor as a fabrication). Absent means `now` is the real date.
   */
  nowKnown: z.boolean().optional(),
  persona: strict({
    /** Baseline slot values; counterfactual variants overwrite only the slots of their attribute. */
    firstName: z.string(),
    lastName: z.string(),
    /** Which counterfactual persona sets apply (ids in datasets/personas). */
    variantSets: z.array(z.string()).default([]),
  }),
  customer: strict({
    reason: z.string().min(3),
    /** For the simulated-customer mode (τ-bench style): what the customer wants, knows and may reveal. */
    goal: z.string().min(3),
    knows: z.array(z.string()).default([]),
    mayReveal: z.array(z.string()).default([]),
    /** Scripted customer turns (dialogue: first turn opens; outreach: replies to the agent; analysis: the request). */
    turns: z.array(CustomerTurnSchema).min(1),
  }),
  /** Material the agent may use: free text blocks shown to the agent (order data, usage signals, profile extract). */
  context: z.array(strict({ label: z.string(), text: z.string() })).default([]),
  /** Records the `lookup_order` tool returns; ids are scenario-local. */
  orders: z.array(strict({
    id: z.string(),
    status: z.string(),
    items: z.array(z.string()).default([]),
    total: z.number().nonnegative().optional(),
    placedOn: z.string().optional(),
    eta: z.string().optional(),
    notes: z.string().optional(),
  })).default([]),
  refs: DatasetRefsSchema.default({ catalog: [], policies: [], kb: [], signals: [] }),
  facts: z.array(FactSchema).default([]),
  bounds: BoundsSchema.default({ currency: 'USD', personalisedPricing: false }),
  judging: strict({
    requiredInfo: z.array(RequiredInfoSchema).default([]),
    forbiddenClaims: z.array(ForbiddenClaimSchema).default([]),
    /** The expected outcome; without one, resolution is reported as not scorable (never as resolved). */
    endState: EndStateSchema.optional(),
    shouldEscalate: z.boolean(),
    pii: z.array(PiiItemSchema).default([]),
    critical: z.boolean().default(false),
  }),
}).refine((s) => s.synthetic || !!s.source, { path: ['source'], message: 'a source (where the data came from) when synthetic is false' });
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
