import { json, listen, newJournal, readBody, text, usageFor, type MockOptions, type SimpleReply, type SimpleRequest, type VendorMock } from './common.js';

interface Block { type: string; text?: string; content?: unknown; name?: string; input?: unknown }
interface MessagesBody {
  model: string;
  system?: string | { text: string }[];
  messages: { role: 'user' | 'assistant'; content: string | Block[] }[];
  tools?: { name: string }[];
}

function simple(b: MessagesBody): SimpleRequest {
  const messages = b.messages.flatMap((m) => {
    const blocks: Block[] = typeof m.content === 'string' ? [{ type: 'text', text: m.content }] : m.content;
    return blocks.map((blk) => ({
      role: (blk.type === 'tool_result' ? 'tool' : m.role) as 'user' | 'assistant' | 'tool',
      text: blk.type === 'text' ? (blk.text ?? '') : blk.type === 'tool_result' ? text(blk.content) : JSON.stringify(blk.input ?? {}),
    }));
  });
  // The system prompt comes as text blocks when it carries a cache breakpoint.
  return { system: typeof b.system === 'string' ? b.system : (b.system ?? []).map((x) => x.text).join('\n\n'), messages, toolNames: (b.tools ?? []).map((t) => t.name) };
}

function message(b: MessagesBody, reply: Exclude<SimpleReply, { error: string }>, usage: { input: number; output: number }): unknown {
  const uses = (reply.toolCalls ?? []).map((c, i) => ({ type: 'tool_use', id: `toolu_${b.messages.length}_${i}`, name: c.name, input: c.arguments }));
  return {
    id: `msg_${b.messages.length}`, type: 'message', role: 'assistant', model: b.model,
    content: [...(reply.text ? [{ type: 'text', text: reply.text }] : []), ...uses],
    stop_reason: uses.length ? 'tool_use' : 'end_turn', stop_sequence: null,
    usage: { input_tokens: usage.input, output_tokens: usage.output, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  };
}

/** Anthropic Message Batches (and live messages) on loopback. */
export async function startAnthropicBatchMock(o: MockOptions): Promise<VendorMock> {
  const journal = newJournal();
  const batches = new Map<string, { id: string; results: string; retrieved: number; n: number }>();
  const batchObject = (b: { id: string; retrieved: number; n: number }, base: string): unknown => {
    const done = b.retrieved >= (o.pollsUntilDone ?? 2);
    return {
      id: b.id, type: 'message_batch', processing_status: done ? 'ended' : 'in_progress',
      request_counts: { processing: done ? 0 : b.n, succeeded: done ? b.n : 0, errored: 0, canceled: 0, expired: 0 },
      created_at: '2026-01-01T00:00:00Z', expires_at: '2026-01-02T00:00:00Z', ended_at: done ? '2026-01-01T00:01:00Z' : null,
      archived_at: null, cancel_initiated_at: null, results_url: done ? `${base}/v1/messages/batches/${b.id}/results` : null,
    };
  };
  const server = await listen(journal, async (req, res, path, base) => {
    const body = await readBody(req);
    if (req.method === 'POST' && path === '/v1/messages') {
      journal.liveCalls++;
      const b = JSON.parse(body.toString()) as MessagesBody;
      const sr = simple(b);
      const reply = o.responder(sr, null);
      if ('error' in reply) { json(res, 529, { type: 'error', error: { type: 'overloaded_error', message: reply.error } }); return true; }
      json(res, 200, message(b, reply, usageFor(sr, reply)));
      return true;
    }
    if (req.method === 'POST' && path === '/v1/messages/batches') {
      const { requests } = JSON.parse(body.toString()) as { requests: { custom_id: string; params: MessagesBody }[] };
      const lines = requests.map((r) => {
        const sr = simple(r.params);
        const reply = o.responder(sr, r.custom_id);
        const result = 'error' in reply
          ? { type: 'errored', error: { type: 'error', error: { type: 'overloaded_error', message: reply.error }, request_id: null } }
          : { type: 'succeeded', message: message(r.params, reply, usageFor(sr, reply)) };
        return JSON.stringify({ custom_id: r.custom_id, result });
      });
      const id = `msgbatch_${batches.size + 1}`;
      const b = { id, results: `${lines.join('\n')}\n`, retrieved: 0, n: requests.length };
      batches.set(id, b);
      journal.batches.push({ id, customIds: requests.map((r) => r.custom_id) });
      json(res, 200, batchObject(b, base));
      return true;
    }
    const m = /^\/v1\/messages\/batches\/([^/]+)(\/results)?$/.exec(path);
    const b = m ? batches.get(m[1]!) : undefined;
    if (req.method === 'GET' && b && m?.[2]) {
      res.writeHead(200, { 'content-type': 'application/binary' }).end(b.results);
      return true;
    }
    if (req.method === 'GET' && b) {
      b.retrieved++;
      json(res, 200, batchObject(b, base));
      return true;
    }
    return false;
  });
  return { ...server, journal };
}
