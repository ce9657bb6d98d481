import { z } from 'zod';
import { ApproachIdSchema } from './approach.js';
import { ModelEntrySchema } from './model-spec.js';
import { AgentListSchema } from './agents.js';
import { strictObject } from './strict.js';

export const RoiInputsSchema = strictObject({
  contactsPerMonth: z.number().positive().default(10_000),
  /** Fully loaded human cost per contact, USD. Default: Gartner 2019 live-channel average $8.01 (secondary source, see docs/methods.md 6.4). */
  humanCostPerContact: z.number().nonnegative().default(8.01),
  escalationCost: z.number().nonnegative().default(8.01),
  fixedMonthlyCost: z.number().nonnegative().default(2_000),
  /** Expected loss per critical failure (remediation, refunds, regulatory); an assumption owners must set. */
  costPerCriticalFailure: z.number().nonnegative().default(50),
  /** Shrinks the measured resolution rate toward field reality (methods.md 6.3 default 0.8). */
  fieldRealism: z.number().min(0).max(1).default(0.8),
});
export type RoiInputs = z.infer<typeof RoiInputsSchema>;

/** TOST equivalence margins for the bias audit (methods.md 2.4 defaults; governance owns them). */
export const BiasMarginsSchema = strictObject({
  discountPp: z.number().positive().default(1),
  pricePct: z.number().positive().default(1),
  ratePp: z.number().positive().default(5),
  lengthPct: z.number().positive().default(10),
  empathy: z.number().positive().default(0.08),
});

export const SuiteConfigSchema = strictObject({
  name: z.string().min(1).default('default'),
  description: z.string().optional(),
  scenarios: z.array(z.string().min(1)).min(1).default(['scenarios/**/*.yaml']),
  datasets: z.string().default('datasets'),
  approaches: z.union([z.literal('all'), z.array(ApproachIdSchema).min(1)]).default('all'),
  models: z.array(ModelEntrySchema).min(1).default(['rules']),
  /** Agents under test besides the models: prompt variants, deployed bots over HTTP, modules, commands (docs/agents.md). */
  agents: AgentListSchema,
  epochs: z.number().int().min(1).max(1_000_000).default(1),
  /** Counterfactual persona sets to expand: 'all' applicable to each scenario, 'none', or a list of set ids. */
  personaVariants: z.union([z.enum(['all', 'none']), z.array(z.string()).min(1)]).default('all'),
  customer: strictObject({
    mode: z.enum(['scripted', 'simulated']).default('scripted'),
    /** Model that plays the customer in simulated mode. */
    model: ModelEntrySchema.optional(),
    maxTurns: z.number().int().min(1).max(30).default(6),
  }).default({ mode: 'scripted', maxTurns: 6 }),
  judge: ModelEntrySchema.nullable().default(null),
  concurrency: strictObject({
    default: z.number().int().min(1).max(512).default(4),
    perProvider: z.record(z.string(), z.number().int().min(1).max(512)).default({}),
  }).default({ default: 4, perProvider: {} }),
  /** Guard against tool loops: agent generations per customer turn. */
  maxAgentStepsPerTurn: z.number().int().min(1).max(20).default(4),
  temperature: z.number().min(0).max(2).default(0),
  maxOutputTokens: z.number().int().positive().default(800),
  output: z.string().default('out'),
  seed: z.number().int().default(20261125),
  roi: RoiInputsSchema.default(RoiInputsSchema.parse({})),
  biasMargins: BiasMarginsSchema.default(BiasMarginsSchema.parse({})),
});
export type SuiteConfig = z.infer<typeof SuiteConfigSchema>;
