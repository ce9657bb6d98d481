import { z } from 'zod';

/** Roles are bound at run time; cost is recorded per role so ROI counts agent cost apart from research cost. */
export const RoleSchema = z.enum(['agent', 'customer', 'judge']);
export type Role = z.infer<typeof RoleSchema>;

export const ToolCallSchema = z.object({
  id: z.string(),
  name: z.string(),
  arguments: z.record(z.string(), z.unknown()),
});
export type ToolCall = z.infer<typeof ToolCallSchema>;

/** One canonical turn; vendor adapters convert to and from this shape only. */
export const TurnSchema = z.object({
  speaker: z.enum(['customer', 'agent', 'tool']),
  text: z.string(),
  toolCalls: z.array(ToolCallSchema).optional(),
  /** For speaker 'tool': the id of the call this result answers. */
  toolCallId: z.string().optional(),
  toolName: z.string().optional(),
});
export type Turn = z.infer<typeof TurnSchema>;

/**
 * Vendors count tokens differently; keep every counter apart. Canonical meaning: `input` = uncached input tokens
 * (excludes cache reads and writes), `output` = every billed output token (includes `reasoning`, which is the part
 * of output spent on reasoning).
 */
export const UsageSchema = z.object({
  input: z.number().int().nonnegative(),
  output: z.number().int().nonnegative(),
  cacheRead: z.number().int().nonnegative(),
  cacheWrite: z.number().int().nonnegative(),
  reasoning: z.number().int().nonnegative(),
});
export type Usage = z.infer<typeof UsageSchema>;

export const zeroUsage = (): Usage => ({ input: 0, output: 0, cacheRead: 0, cacheWrite: 0, reasoning: 0 });

export function addUsage(a: Usage, b: Usage): Usage {
  return {
    input: a.input + b.input,
    output: a.output + b.output,
    cacheRead: a.cacheRead + b.cacheRead,
    cacheWrite: a.cacheWrite + b.cacheWrite,
    reasoning: a.reasoning + b.reasoning,
  };
}

/** JSON-schema subset accepted by every vendor for tool parameters. */
export interface JsonSchemaObject {
  type: 'object';
  properties: Record<string, unknown>;
  required?: string[];
  additionalProperties?: boolean;
}

export interface ToolDefinition {
  name: string;
  description: string;
  parameters: JsonSchemaObject;
}

export interface GenerationSettings {
  temperature: number;
  maxOutputTokens: number;
  seed?: number;
}

export interface GenerateRequest {
  role: Role;
  system: string;
  turns: Turn[];
  tools: ToolDefinition[];
  settings: GenerationSettings;
}

export interface GenerateResult {
  turn: Turn;
  usage: Usage;
  latencyMs: number;
  /** The model id the vendor reports (may differ from the requested alias). */
  model: string;
  /** Why generation stopped, vendor value normalised to lower case. */
  finishReason: string;
  /** Streamed calls only: milliseconds from the request to the first generated token (src/providers/streaming.ts). */
  ttftMs?: number;
}

export interface Backend {
  /** `kind:model` as the user wrote it. */
  readonly id: string;
  readonly kind: BackendKind;
  generate(req: GenerateRequest, signal?: AbortSignal): Promise<GenerateResult>;
}

export const BackendKindSchema = z.enum(['openai', 'anthropic', 'google', 'openai-compatible', 'rules']);
export type BackendKind = z.infer<typeof BackendKindSchema>;
