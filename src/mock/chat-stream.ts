import type { ServerResponse } from 'node:http';

interface Completion {
  id: string;
  created: number;
  model: string;
  choices: Array<{ finish_reason: string; message: { content: string; tool_calls?: Array<{ id: string; type: string; function: { name: string; arguments: string } }> } }>;
  usage: unknown;
}

/** Text in pieces of about this many characters, as a server streams tokens. */
const PIECE = 12;

/**
 * A chat completion as Chat Completions streams it (server-sent events): the role, the content in pieces, each tool
 * call's name then its arguments in two halves, the finish reason, the usage when asked for (stream_options), [DONE].
 */
export async function writeChatStream(res: ServerResponse, c: Completion, o: { gapMs: number; includeUsage: boolean; headers: Record<string, string> }): Promise<void> {
  const chunk = (delta: unknown, finish: string | null = null): unknown => ({ id: c.id, object: 'chat.completion.chunk', created: c.created, model: c.model, choices: [{ index: 0, delta, finish_reason: finish }] });
  const m = c.choices[0]!.message;
  const events: unknown[] = [chunk({ role: 'assistant', content: '' })];
  for (let i = 0; i < m.content.length; i += PIECE) events.push(chunk({ content: m.content.slice(i, i + PIECE) }));
  (m.tool_calls ?? []).forEach((t, index) => {
    const half = Math.ceil(t.function.arguments.length / 2);
    events.push(chunk({ tool_calls: [{ index, id: t.id, type: 'function', function: { name: t.function.name, arguments: t.function.arguments.slice(0, half) } }] }));
    events.push(chunk({ tool_calls: [{ index, function: { arguments: t.function.arguments.slice(half) } }] }));
  });
  events.push(chunk({}, c.choices[0]!.finish_reason));
  if (o.includeUsage) events.push({ id: c.id, object: 'chat.completion.chunk', created: c.created, model: c.model, choices: [], usage: c.usage });
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...o.headers });
  for (const e of [...events, '[DONE]']) {
    res.write(`data: ${typeof e === 'string' ? e : JSON.stringify(e)}\n\n`);
    if (o.gapMs) await new Promise((r) => setTimeout(r, o.gapMs));
  }
  res.end();
}
