import { createHash } from 'node:crypto';
import { z } from 'zod';
import { addUsage, zeroUsage, type Backend, type GenerateRequest, type Turn, type Usage } from '../../src/core/types.js';

export interface JudgeRequest<S extends z.ZodType> {
  /** The rubric (system prompt body); its hash is part of the evaluator label. */
  rubric: string;
  /** Everything the judge reads for this item, already masked. */
  input: string;
  schema: S;
  maxOutputTokens?: number;
}

export interface JudgeAnswer<T> {
  /** null when the judge never produced valid JSON, even after the repair retry. */
  parsed: T | null;
  /** Every raw reply in order (one, or two after a repair), stored for audit. */
  raw: string[];
  /** Summed over the attempts: judge cost is research cost and must be counted. */
  usage: Usage;
  /** Model id the vendor reported. */
  model: string;
  error?: string;
}

const JSON_ONLY = 'Reply with exactly one JSON object that matches this JSON Schema. No prose, no markdown, no code fences.';

/** The system prompt actually sent: rubric + output contract. Hashing it (not just the rubric) catches schema edits. */
export function judgeSystemPrompt(rubric: string, schema: z.ZodType): string {
  return `${rubric.trim()}\n\n${JSON_ONLY}\n${JSON.stringify(z.toJSONSchema(schema))}`;
}

export const sha256Hex = (s: string): string => createHash('sha256').update(s).digest('hex');

/** `judge:<model>#<sha256(prompt) first 12>`: a changed rubric or judge model is a different evaluator. */
export function judgeLabel(backend: Backend, systemPrompt: string): string {
  return `judge:${backend.id}#${sha256Hex(systemPrompt).slice(0, 12)}`;
}

/** Tolerates the wrappers models add anyway (code fences, a sentence before the object). */
export function extractJson(text: string): unknown {
  const unfenced = text.replace(/```(?:json)?/gi, '');
  const start = unfenced.indexOf('{');
  const end = unfenced.lastIndexOf('}');
  if (start < 0 || end <= start) throw new Error('no JSON object in the reply');
  return JSON.parse(unfenced.slice(start, end + 1)) as unknown;
}

function validate<S extends z.ZodType>(text: string, schema: S): { ok: true; value: z.infer<S> } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = extractJson(text);
  } catch (e) {
    return { ok: false, error: `invalid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  const r = schema.safeParse(json);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: `schema mismatch: ${z.prettifyError(r.error)}` };
}

/**
 * One pointwise judge call: temperature 0, JSON only, zod-validated, one repair retry that shows the judge its own
 * reply and the validation error. Backend errors propagate (infrastructure, not a verdict).
 */
export async function askJudge<S extends z.ZodType>(backend: Backend, req: JudgeRequest<S>, signal?: AbortSignal): Promise<JudgeAnswer<z.infer<S>>> {
  const system = judgeSystemPrompt(req.rubric, req.schema);
  const turns: Turn[] = [{ speaker: 'customer', text: req.input }];
  const raw: string[] = [];
  let usage = zeroUsage();
  let model = backend.id;
  let error = '';
  for (let attempt = 0; attempt < 2; attempt++) {
    const request: GenerateRequest = {
      role: 'judge', system, turns: [...turns], tools: [],
      settings: { temperature: 0, maxOutputTokens: req.maxOutputTokens ?? 1500 },
    };
    const out = await backend.generate(request, signal);
    raw.push(out.turn.text);
    usage = addUsage(usage, out.usage);
    model = out.model;
    const v = validate(out.turn.text, req.schema);
    if (v.ok) return { parsed: v.value, raw, usage, model };
    error = v.error;
    turns.push({ speaker: 'agent', text: out.turn.text });
    turns.push({ speaker: 'customer', text: `Your reply could not be used (${error}). Reply again with only the JSON object.` });
  }
  return { parsed: null, raw, usage, model, error };
}

export const totalTokens = (u: Usage): number => u.input + u.cacheRead + u.cacheWrite + u.output;
