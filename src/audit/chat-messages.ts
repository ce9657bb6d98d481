import { z } from 'zod';
import { EmotionSchema } from './emotion.js';

/**
 * The OpenAI chat-completions message list, as logging tools export it: system (or developer) / user / assistant
 * (optional `tool_calls`) / tool (answers one call by `tool_call_id`). Content is a string, a list of text parts, or
 * (assistant only) null. A `timestamp` on any message is accepted; the first one dates the conversation.
 */

const TextPartSchema = z.strictObject({ type: z.literal('text', { error: "a text part ({type: 'text', text}); other parts (images, audio) cannot be scored" }), text: z.string() });
export const ContentSchema = z.union([z.string(), z.array(TextPartSchema)]);
export type Content = z.infer<typeof ContentSchema>;

/** An ISO date or date-time string, or seconds / milliseconds since 1970. */
export const TimestampSchema = z.union([z.string().min(1), z.number().nonnegative()]);
export type Timestamp = z.infer<typeof TimestampSchema>;

/**
 * A message's own metadata: exporters put their fields here (kept and ignored); cxbench reads `emotion`, the
 * customer's emotion in a user message ({label, intensity}, as in scenarios).
 */
export const MessageMetadataSchema = z.looseObject({ emotion: EmotionSchema.optional() });

const common = { name: z.string().optional(), timestamp: TimestampSchema.optional(), metadata: MessageMetadataSchema.optional() };

export const ChatToolCallSchema = z.strictObject({
  id: z.string().min(1),
  type: z.literal('function'),
  function: z.strictObject({
    name: z.string().min(1),
    /** A JSON object, written as a string (as the API returns it). */
    arguments: z.string(),
  }),
});

export const ChatMessageSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('system'), content: ContentSchema, ...common }),
  z.strictObject({ role: z.literal('developer'), content: ContentSchema, ...common }),
  z.strictObject({ role: z.literal('user'), content: ContentSchema, ...common }),
  z.strictObject({
    role: z.literal('assistant'),
    content: ContentSchema.nullable().optional(),
    tool_calls: z.array(ChatToolCallSchema).optional(),
    /** Exporters copy these API fields as they are; a refusal is the agent's text when there is no content. */
    refusal: z.string().nullable().optional(),
    annotations: z.array(z.unknown()).optional(),
    function_call: z.null().optional(),
    audio: z.null().optional(),
    ...common,
  }),
  z.strictObject({ role: z.literal('tool'), tool_call_id: z.string().min(1), content: ContentSchema, ...common }),
], { error: (iss) => (iss.code === 'invalid_union' && iss.note === 'No matching discriminator' ? 'role system, developer, user, assistant or tool' : undefined) });
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** The text of a content value: a string as it is, text parts joined by newlines, null as empty. */
export function contentText(c: Content | null | undefined): string {
  if (c === null || c === undefined) return '';
  return typeof c === 'string' ? c : c.map((p) => p.text).join('\n');
}
