import { z } from 'zod';
import { ToolClassSchema } from '../approaches/tool-classes.js';
import { ToolNameSchema } from '../approaches/tools.js';
import { ApproachIdSchema } from './approach.js';
import { ModelEntrySchema } from './model-spec.js';
import { strictObject } from './strict.js';

/**
 * The `agents:` entries of a suite file: things under test other than the bundled approach designs. Every object is
 * strict (an unknown key is an error naming the key and the field it probably meant). docs/agents.md documents each
 * kind with a complete example; src/agents/ holds one file per kind.
 */

/** An agent's label is its cell's `model` column: what reports and comparisons group by. */
export const AgentLabelSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.@:+-]*$/, 'a label of letters, digits and _ . @ : + - (it names the agent in every table)').max(80)
  .refine((s) => s !== 'rules', { message: 'a label other than "rules" (the bundled traditional arm is called that)' });

/** Which arm an agent belongs to: comparisons pair GAI agents with the traditional arm and with each other. */
export const ArmSchema = z.enum(['gai', 'traditional']);
export type Arm = z.infer<typeof ArmSchema>;

/** A secret is never written in the file: only the name of the environment variable that holds it. */
export const EnvRefSchema = strictObject({ env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name in capitals, e.g. ACME_BOT_KEY') });
export type EnvRef = z.infer<typeof EnvRefSchema>;

/** `{{name}}` placeholders; the roots a template may use (see src/agents/template.ts). */
export const TEMPLATE_ROOTS = ['message', 'conversationId', 'turn', 'history', 'persona', 'crm', 'brief', 'scenario', 'outreach', 'default', 'rules'] as const;
const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;

/** Every placeholder in a string, an object or a list (recursively). */
export function placeholdersIn(v: unknown): string[] {
  if (typeof v === 'string') return [...v.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  if (Array.isArray(v)) return v.flatMap(placeholdersIn);
  if (v && typeof v === 'object') return Object.values(v).flatMap(placeholdersIn);
  return [];
}

/** A template checked at load time: each placeholder must start with one of `roots`. */
const templated = <T extends z.ZodType>(schema: T, roots: readonly string[]) => schema.superRefine((v, ctx) => {
  for (const p of placeholdersIn(v)) {
    const root = p.split('.')[0] ?? '';
    if (!roots.includes(root)) ctx.addIssue({ code: 'custom', message: `placeholders that start with one of ${roots.join(', ')}; {{${p}}} is not one` });
  }
});

const EXTERNAL_ROOTS = TEMPLATE_ROOTS.filter((r) => r !== 'default' && r !== 'rules');
const PROMPT_ROOTS = ['brief', 'persona', 'crm', 'scenario', 'default', 'rules'] as const;

/** Price of an agent that is not a priced model: reported usage x token prices, or a flat price per conversation. */
export const AgentPriceSchema = strictObject({
  /** USD per million input / output tokens, applied to the usage the agent reports. */
  input: z.number().nonnegative().optional(),
  output: z.number().nonnegative().optional(),
  /** USD per conversation (a vendor's per-session fee), charged on the conversation's first call. */
  perConversationUsd: z.number().nonnegative().optional(),
  source: z.string().min(1).default('declared in the suite file'),
}).refine((p) => (p.input === undefined) === (p.output === undefined), { message: 'both input and output token prices, or neither' })
  .refine((p) => p.input !== undefined || p.perConversationUsd !== undefined, { message: 'token prices (input and output) or perConversationUsd' });
export type AgentPrice = z.infer<typeof AgentPriceSchema>;

/** Transport settings shared by agents that are called over a boundary (HTTP, a process, a module). */
const transport = {
  /** Per-call timeout. */
  timeoutMs: z.number().int().positive().default(30_000),
  maxRetries: z.number().int().min(0).max(10).default(2),
  /** Requests per minute, at most. */
  rpm: z.number().positive().optional(),
  /** Conversations in flight at once for this agent (default: concurrency.perProvider[kind], else concurrency.default). */
  concurrency: z.number().int().min(1).max(512).optional(),
};

/** Fields every user-supplied (non-model) agent has. */
const external = {
  name: AgentLabelSchema,
  arm: ArmSchema.default('gai'),
  /** Run it only on scenarios of these approaches (default: every approach the suite selects). */
  approaches: z.array(ApproachIdSchema).min(1).optional(),
  /** Classes of the action names the bot reports (bundled tool names need none). */
  toolClasses: z.record(z.string().min(1), ToolClassSchema).default({}),
  /** The bot keeps the conversation itself: requests carry only the new message, not the history. */
  session: z.boolean().default(false),
  price: AgentPriceSchema.optional(),
  ...transport,
};

/** JSON paths (dotted, with [n] and [*]) into the bot's reply. */
const JsonPathSchema = z.string().min(1).regex(/^[^\s]+$/, 'a JSON path such as data.reply.text or messages[*].text');

export const HttpReplySchema = strictObject({
  /** Where the reply text is; several matches ([*]) are joined with a blank line. */
  text: JsonPathSchema,
  actions: strictObject({
    /** Where the list of actions is. */
    path: JsonPathSchema,
    /** Within one action: its name, its arguments (an object) and, optionally, the result the bot saw. */
    name: JsonPathSchema.default('name'),
    arguments: JsonPathSchema.default('arguments'),
    result: JsonPathSchema.optional(),
  }).optional(),
  usage: strictObject({ input: JsonPathSchema, output: JsonPathSchema }).optional(),
  costUsd: JsonPathSchema.optional(),
});

export const HttpAgentEntrySchema = strictObject({
  kind: z.literal('http'),
  ...external,
  /** May contain {{conversationId}} (URL-encoded when substituted). */
  url: templated(z.string().regex(/^https?:\/\/\S+$/, 'an http:// or https:// URL'), ['conversationId']),
  method: z.enum(['POST', 'PUT', 'GET']).default('POST'),
  /** Plain values, or { env: NAME } for secrets (read from the environment at run time, never stored). */
  headers: z.record(z.string().min(1), z.union([z.string(), EnvRefSchema])).default({}),
  /** The JSON body, with {{placeholders}}; a string that is exactly one placeholder takes the value as is (a list, an object). */
  body: templated(z.unknown(), EXTERNAL_ROOTS).default({ message: '{{message}}', history: '{{history}}', conversationId: '{{conversationId}}' }),
  reply: HttpReplySchema,
});
export type HttpAgentEntry = z.infer<typeof HttpAgentEntrySchema>;

export const ModuleAgentEntrySchema = strictObject({
  kind: z.literal('module'),
  ...external,
  /** A .js, .mjs or .ts file (relative to the working directory) exporting `respond(conversation, context)`. */
  module: z.string().min(1).regex(/\.(m?js|ts)$/, 'a .js, .mjs or .ts file'),
  /** The export to call (default `respond`; an object export with a `respond` method works too). */
  export: z.string().min(1).default('respond'),
});
export type ModuleAgentEntry = z.infer<typeof ModuleAgentEntrySchema>;

export const CommandAgentEntrySchema = strictObject({
  kind: z.literal('command'),
  ...external,
  /** The program and its arguments, e.g. [python3, bots/support.py]; run without a shell. */
  command: z.array(z.string().min(1)).min(1),
  /** `single`: one process per reply (request JSON on stdin, reply JSON on stdout); `jsonl`: one long-lived process, one JSON line each way. */
  protocol: z.enum(['single', 'jsonl']).default('single'),
  /** Extra environment: plain values or { env: NAME } to pass a secret through. */
  env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.union([z.string(), EnvRefSchema])).default({}),
});
export type CommandAgentEntry = z.infer<typeof CommandAgentEntrySchema>;

export const PromptVariantEntrySchema = strictObject({
  kind: z.literal('prompt-variant'),
  name: AgentLabelSchema,
  approach: ApproachIdSchema,
  /** The model the design runs on (as in `models:`). */
  model: ModelEntrySchema,
  /** The system prompt: {{brief.*}} sections, {{persona.*}}, {{default}} (the bundled prompt), {{rules}} (the bundled rules). */
  system: templated(z.string().min(1), PROMPT_ROOTS),
  /** The tool subset (default: the approach's own tools). */
  tools: z.array(ToolNameSchema).optional(),
  temperature: z.number().min(0).max(2).optional(),
  maxOutputTokens: z.number().int().positive().optional(),
  maxAgentStepsPerTurn: z.number().int().min(1).max(20).optional(),
});
export type PromptVariantEntry = z.infer<typeof PromptVariantEntrySchema>;

export const AgentEntrySchema = z.discriminatedUnion('kind', [PromptVariantEntrySchema, HttpAgentEntrySchema, ModuleAgentEntrySchema, CommandAgentEntrySchema]);
export type AgentEntry = z.infer<typeof AgentEntrySchema>;
export type AgentEntryInput = z.input<typeof AgentEntrySchema>;

/** `agents:` in a suite file: labels unique among the agents (model labels are checked when the suite loads). */
export const AgentListSchema = z.array(AgentEntrySchema).default([]).superRefine((list, ctx) => {
  const seen = new Map<string, number>();
  list.forEach((a, i) => {
    const prev = seen.get(a.name);
    if (prev !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `a name unique among the agents (agents.${prev} is also "${a.name}")` });
    seen.set(a.name, i);
  });
});
