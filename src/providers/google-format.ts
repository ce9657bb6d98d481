import { createHash } from 'node:crypto';
import type { Content, GenerateContentConfig, GenerateContentResponse, GenerateContentResponseUsageMetadata, Part, Tool } from '@google/genai';
import type { GenerateRequest, ToolCall, ToolDefinition, Turn, Usage } from '../core/types.js';
import { laidOutSystem } from './prompt-layout.js';
import { argumentsObject, pushMerged, toolResultOf, withOpener } from './turns.js';

/** Gemini often returns function calls without an id; ids made here start with this and are never sent back. */
export const SYNTHETIC_CALL_PREFIX = 'gemini-call-';

/** Google's documented sentinel for a replayed function call whose thought signature was not kept. */
export const SKIP_SIGNATURE_SENTINEL = 'skip_thought_signature_validator';

/** Finds the thought signature to send back with a function call the model made earlier. */
export type SignatureLookup = (callId: string) => string | undefined;

type Role = 'user' | 'model';

const vendorId = (id: string): { id?: string } => (id.startsWith(SYNTHETIC_CALL_PREFIX) ? {} : { id });

/** Gemini wants an object as a function's response; a tool's text that is not a JSON object is wrapped. */
export function functionResponsePayload(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : { result: v };
  } catch {
    return { result: text };
  }
}

function partsFor(t: Turn, signature: SignatureLookup): [Role, Part[]] {
  const byspeaker = {
    customer: (): [Role, Part[]] => ['user', [{ text: t.text }]],
    agent: (): [Role, Part[]] => [
      'model',
      [
        ...(t.text ? [{ text: t.text }] : []),
        ...(t.toolCalls ?? []).map((c): Part => {
          const sig = signature(c.id);
          return { functionCall: { name: c.name, args: c.arguments, ...vendorId(c.id) }, ...(sig ? { thoughtSignature: sig } : {}) };
        }),
      ],
    ],
    tool: (): [Role, Part[]] => {
      const { callId, name } = toolResultOf(t);
      return ['user', [{ functionResponse: { name, response: functionResponsePayload(t.text), ...vendorId(callId) } }]];
    },
  } satisfies Record<Turn['speaker'], () => [Role, Part[]]>;
  return byspeaker[t.speaker]();
}

/** Function responses of parallel calls merge into one user content, in call order. */
export function toGeminiContents(turns: readonly Turn[], signature: SignatureLookup): Content[] {
  const contents: Array<{ role: Role; content: Part[] }> = [];
  for (const t of withOpener(turns)) pushMerged(contents, ...partsFor(t, signature));
  return contents.map((c) => ({ role: c.role, parts: c.content }));
}

export function toGeminiTools(tools: readonly ToolDefinition[]): Tool[] {
  // parametersJsonSchema takes JSON Schema as is (the older `parameters` field rejects e.g. additionalProperties).
  return [{ functionDeclarations: tools.map((t) => ({ name: t.name, description: t.description, parametersJsonSchema: t.parameters })) }];
}

/**
 * Generation settings; `rulesContext` is never read here. The system instruction is laid out stable-first, which is
 * what Gemini's implicit caching needs (a repeated prefix is served from cache and billed at the cached rate, with no
 * marker in the request).
 */
export function toGeminiConfig(req: GenerateRequest): GenerateContentConfig {
  return {
    ...(req.system ? { systemInstruction: laidOutSystem(req.system) } : {}),
    temperature: req.settings.temperature,
    maxOutputTokens: req.settings.maxOutputTokens,
    ...(req.settings.seed !== undefined ? { seed: req.settings.seed } : {}),
    ...(req.tools.length ? { tools: toGeminiTools(req.tools) } : {}),
  };
}

/**
 * promptTokenCount includes cachedContentTokenCount; thoughts are billed as output but reported apart from
 * candidatesTokenCount; tool-use prompt tokens are billed as input but reported apart from the prompt.
 */
export function geminiUsage(u: GenerateContentResponseUsageMetadata | undefined): Usage {
  const cacheRead = u?.cachedContentTokenCount ?? 0;
  const thoughts = u?.thoughtsTokenCount ?? 0;
  return {
    input: Math.max(0, (u?.promptTokenCount ?? 0) - cacheRead) + (u?.toolUsePromptTokenCount ?? 0),
    output: (u?.candidatesTokenCount ?? 0) + thoughts,
    cacheRead,
    cacheWrite: 0,
    reasoning: thoughts,
  };
}

/** Same conversation, same call → same id, so cached replays and transcripts stay stable. */
function syntheticCallId(turns: readonly Turn[], index: number, name: string, args: unknown): string {
  const h = createHash('sha256').update(JSON.stringify([turns, index, name, args])).digest('hex').slice(0, 16);
  return `${SYNTHETIC_CALL_PREFIX}${h}`;
}

export interface GeminiReply {
  turn: Turn;
  finishReason: string;
  /** Thought signatures of the calls in this reply, by call id, to send back on later requests. */
  signatures: Map<string, string>;
}

/** The first candidate as a canonical agent turn. A blocked prompt (no candidate) is an empty reply, not an error. */
export function fromGeminiResponse(r: GenerateContentResponse, turns: readonly Turn[]): GeminiReply {
  const candidate = r.candidates?.[0];
  const parts = candidate?.content?.parts ?? [];
  const text = parts.flatMap((p) => (typeof p.text === 'string' && !p.thought ? [p.text] : [])).join('');
  const signatures = new Map<string, string>();
  const toolCalls: ToolCall[] = parts.flatMap((p, i) => {
    const fc = p.functionCall;
    if (!fc?.name) return [];
    const args = fc.args ?? {};
    const id = fc.id || syntheticCallId(turns, i, fc.name, args);
    if (p.thoughtSignature) signatures.set(id, p.thoughtSignature);
    return [{ id, name: fc.name, arguments: argumentsObject(args, JSON.stringify(args)) }];
  });
  const turn: Turn = { speaker: 'agent', text, ...(toolCalls.length ? { toolCalls } : {}) };
  const reason = candidate?.finishReason ?? (r.promptFeedback?.blockReason ? `blocked:${r.promptFeedback.blockReason}` : 'unknown');
  return { turn, finishReason: String(reason).toLowerCase(), signatures };
}
