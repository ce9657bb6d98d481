import { z } from 'zod';
import { DomainSchema, LanguageVarietySchema } from './scenario.js';
import { strictObject } from './strict.js';

/** Every dataset file is synthetic and says so in its header block. */
const Header = {
  synthetic: z.literal(true, { error: 'dataset files are synthetic and must say so: set `synthetic: true`' }),
  description: z.string().min(3),
  sources: z.array(z.string()).default([]),
};

export const CatalogSchema = strictObject({
  ...Header,
  kind: z.literal('catalog'),
  domain: DomainSchema,
  currency: z.string().length(3),
  items: z.array(strictObject({
    sku: z.string(),
    name: z.string(),
    price: z.number().nonnegative(),
    category: z.string(),
    attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
    stock: z.number().int().nonnegative().optional(),
  })).min(1),
});

export const PoliciesSchema = strictObject({
  ...Header,
  kind: z.literal('policies'),
  domain: DomainSchema,
  items: z.array(strictObject({
    id: z.string(),
    name: z.string(),
    text: z.string(),
    /** Machine-checkable terms: days, percentages, amounts. */
    terms: z.record(z.string(), z.number()).default({}),
  })).min(1),
});

export const KnowledgeBaseSchema = strictObject({
  ...Header,
  kind: z.literal('kb'),
  domain: DomainSchema,
  articles: z.array(strictObject({
    id: z.string(),
    title: z.string(),
    text: z.string(),
    /** Example questions a customer asks; the traditional arm's intent classifier trains on these. */
    questions: z.array(z.string()).default([]),
  })).min(1),
  /** Contact points the agent may give (URLs, phone numbers, e-mails); anything else is fabricated. */
  contacts: z.array(z.string()).default([]),
});

export const CrmSchema = strictObject({
  ...Header,
  kind: z.literal('crm'),
  profiles: z.array(strictObject({
    id: z.string(),
    domain: DomainSchema,
    tier: z.enum(['standard', 'silver', 'gold', 'vip']),
    tenureMonths: z.number().int().nonnegative(),
    lifetimeValue: z.number().nonnegative(),
    history: z.array(z.string()).default([]),
    preferences: z.array(z.string()).default([]),
  })).min(1),
});

export const SignalsSchema = strictObject({
  ...Header,
  kind: z.literal('signals'),
  items: z.array(strictObject({
    id: z.string(),
    domain: DomainSchema,
    source: z.enum(['usage', 'iot', 'billing', 'app']),
    observation: z.string(),
    predictedIssue: z.string(),
  })).min(1),
});

export const FeedbackCorpusSchema = strictObject({
  ...Header,
  kind: z.literal('feedback'),
  id: z.string(),
  domain: DomainSchema,
  themes: z.array(strictObject({ id: z.string(), label: z.string(), rootCause: z.string(), keywords: z.array(z.string()).min(1) })).min(1),
  items: z.array(strictObject({
    id: z.string(),
    channel: z.enum(['review', 'call-note', 'survey', 'chat']),
    text: z.string(),
    themes: z.array(z.string()).min(1),
    sentiment: z.enum(['negative', 'neutral', 'positive']),
    tags: z.array(z.string()).default([]),
  })).min(1),
});

export const IdeaPoolSchema = strictObject({
  ...Header,
  kind: z.literal('ideas'),
  id: z.string(),
  domain: DomainSchema,
  clusters: z.array(strictObject({ id: z.string(), label: z.string(), keywords: z.array(z.string()).min(1) })).min(1),
  items: z.array(strictObject({ id: z.string(), author: z.string(), text: z.string(), cluster: z.string(), votes: z.number().int().nonnegative() })).min(1),
});

/**
 * Counterfactual persona sets: variants differ in one attribute only. `reference: true` marks the comparison group;
 * two variants of the same group form a placebo pair.
 */
export const PersonaSetSchema = strictObject({
  ...Header,
  kind: z.literal('personas'),
  id: z.string(),
  attribute: z.enum(['race-gender', 'age', 'disability', 'language-variety']),
  variants: z.array(strictObject({
    id: z.string(),
    group: z.string(),
    reference: z.boolean().default(false),
    firstName: z.string().optional(),
    lastName: z.string().optional(),
    /** A sentence the customer adds to the first turn (age, disability); the reference group gets a length-matched neutral one. */
    statement: z.string().optional(),
    variety: LanguageVarietySchema.optional(),
    source: z.string().optional(),
  })).min(2),
});

export const DatasetFileSchema = z.discriminatedUnion('kind', [
  CatalogSchema, PoliciesSchema, KnowledgeBaseSchema, CrmSchema, SignalsSchema, FeedbackCorpusSchema, IdeaPoolSchema, PersonaSetSchema,
]);
export type DatasetFile = z.infer<typeof DatasetFileSchema>;
export type Catalog = z.infer<typeof CatalogSchema>;
export type Policies = z.infer<typeof PoliciesSchema>;
export type KnowledgeBase = z.infer<typeof KnowledgeBaseSchema>;
export type Crm = z.infer<typeof CrmSchema>;
export type Signals = z.infer<typeof SignalsSchema>;
export type FeedbackCorpus = z.infer<typeof FeedbackCorpusSchema>;
export type IdeaPool = z.infer<typeof IdeaPoolSchema>;
export type PersonaSet = z.infer<typeof PersonaSetSchema>;
export type PersonaVariant = PersonaSet['variants'][number];
