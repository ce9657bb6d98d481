import { json, listen, newJournal, readBody, text, usageFor, type MockOptions, type SimpleReply, type SimpleRequest, type VendorMock } from './common.js';

interface ChatBody {
  model: string;
  messages: { role: string; content?: unknown; tool_calls?: unknown[] }[];
  tools?: { function: { name: string } }[];
}

function simple(b: ChatBody): SimpleRequest {
  const system = b.messages.filter((m) => m.role === 'system').map((m) => text(m.content)).join('\n');
  const messages = b.messages.filter((m) => m.role !== 'system').map((m) => ({ role: (m.role === 'tool' ? 'tool' : m.role === 'assistant' ? 'assistant' : 'user') as 'user' | 'assistant' | 'tool', text: text(m.content) }));
  return { system, messages, toolNames: (b.tools ?? []).map((t) => t.function.name) };
}

function completion(b: ChatBody, reply: Exclude<SimpleReply, { error: string }>, usage: { input: number; output: number }): unknown {
  const calls = (reply.toolCalls ?? []).map((c, i) => ({ id: `call_${b.messages.length}_${i}`, type: 'function', function: { name: c.name, arguments: JSON.stringify(c.arguments) } }));
  return {
    id: `chatcmpl-${b.messages.length}`, object: 'chat.completion', created: 1, model: b.model,
    choices: [{ index: 0, finish_reason: calls.length ? 'tool_calls' : 'stop', message: { role: 'assistant', content: reply.text, refusal: null, ...(calls.length ? { tool_calls: calls } : {}) } }],
    usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output },
  };
}

/** OpenAI's Files + Batch endpoints (and live chat completions) on loopback. */
export async function startOpenAIBatchMock(o: MockOptions): Promise<VendorMock> {
  const journal = newJournal();
  const files = new Map<string, string>();
  const batches = new Map<string, { id: string; inputFileId: string; outputFileId: string; errorFileId: string | null; retrieved: number }>();
  const batchObject = (b: { id: string; inputFileId: string; outputFileId: string; errorFileId: string | null; retrieved: number }): unknown => {
    const done = b.retrieved >= (o.pollsUntilDone ?? 2);
    return {
      id: b.id, object: 'batch', endpoint: '/v1/chat/completions', completion_window: '24h', created_at: 1, input_file_id: b.inputFileId,
      status: done ? 'completed' : b.retrieved === 0 ? 'validating' : 'in_progress',
      ...(done ? { output_file_id: b.outputFileId, ...(b.errorFileId ? { error_file_id: b.errorFileId } : {}) } : {}),
    };
  };
  const server = await listen(journal, async (req, res, path) => {
    const body = await readBody(req);
    if (req.method === 'POST' && path === '/v1/chat/completions') {
      journal.liveCalls++;
      const b = JSON.parse(body.toString()) as ChatBody;
      const sr = simple(b);
      const reply = o.responder(sr, null);
      if ('error' in reply) { json(res, 500, { error: { message: reply.error, type: 'server_error' } }); return true; }
      json(res, 200, completion(b, reply, usageFor(sr, reply)));
      return true;
    }
    if (req.method === 'POST' && path === '/v1/files') {
      const form = await new Response(body, { headers: { 'content-type': String(req.headers['content-type']) } }).formData();
      const file = form.get('file');
      if (!(file instanceof Blob) || form.get('purpose') !== 'batch') { json(res, 400, { error: { message: 'file and purpose=batch required' } }); return true; }
      const id = `file-${files.size + 1}`;
      files.set(id, await file.text());
      json(res, 200, { id, object: 'file', bytes: file.size, created_at: 1, filename: 'input.jsonl', purpose: 'batch', status: 'processed' });
      return true;
    }
    if (req.method === 'POST' && path === '/v1/batches') {
      const { input_file_id: inputFileId } = JSON.parse(body.toString()) as { input_file_id: string };
      const lines = (files.get(inputFileId) ?? '').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { custom_id: string; body: ChatBody });
      const out: string[] = [];
      const err: string[] = [];
      for (const l of lines) {
        const sr = simple(l.body);
        const reply = o.responder(sr, l.custom_id);
        if ('error' in reply) err.push(JSON.stringify({ id: `r-${l.custom_id}`, custom_id: l.custom_id, response: { status_code: 500, request_id: 'x', body: { error: { message: reply.error, type: 'server_error' } } }, error: null }));
        else out.push(JSON.stringify({ id: `r-${l.custom_id}`, custom_id: l.custom_id, response: { status_code: 200, request_id: 'x', body: completion(l.body, reply, usageFor(sr, reply)) }, error: null }));
      }
      const id = `batch_${batches.size + 1}`;
      const outputFileId = `file-out-${id}`;
      files.set(outputFileId, out.join('\n'));
      const errorFileId = err.length ? `file-err-${id}` : null;
      if (errorFileId) files.set(errorFileId, err.join('\n'));
      const b = { id, inputFileId, outputFileId, errorFileId, retrieved: 0 };
      batches.set(id, b);
      journal.batches.push({ id, customIds: lines.map((l) => l.custom_id) });
      json(res, 200, batchObject(b));
      return true;
    }
    const batch = /^\/v1\/batches\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && batch) {
      const b = batches.get(batch[1]!);
      if (!b) return false;
      b.retrieved++;
      json(res, 200, batchObject(b));
      return true;
    }
    const content = /^\/v1\/files\/([^/]+)\/content$/.exec(path);
    if (req.method === 'GET' && content && files.has(content[1]!)) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(files.get(content[1]!));
      return true;
    }
    return false;
  });
  return { ...server, journal };
}
