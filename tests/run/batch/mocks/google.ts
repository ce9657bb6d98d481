import { json, listen, newJournal, readBody, usageFor, type MockOptions, type SimpleReply, type SimpleRequest, type VendorMock } from './common.js';

interface Part { text?: string; functionCall?: { name: string; args?: unknown }; functionResponse?: { name: string; response?: unknown } }
interface GenerateBody {
  contents: { role: string; parts: Part[] }[];
  systemInstruction?: { parts: Part[] };
  tools?: { functionDeclarations?: { name: string }[] }[];
}

function simple(b: GenerateBody): SimpleRequest {
  const messages = b.contents.flatMap((c) => c.parts.map((p) => ({
    role: (p.functionResponse ? 'tool' : c.role === 'model' ? 'assistant' : 'user') as 'user' | 'assistant' | 'tool',
    text: p.text ?? JSON.stringify(p.functionCall?.args ?? p.functionResponse?.response ?? {}),
  })));
  return {
    system: (b.systemInstruction?.parts ?? []).map((p) => p.text ?? '').join(''),
    messages,
    toolNames: (b.tools ?? []).flatMap((t) => (t.functionDeclarations ?? []).map((f) => f.name)),
  };
}

/** Function calls go out without an id, as Gemini sends them; the client makes its own. */
function response(reply: Exclude<SimpleReply, { error: string }>, usage: { input: number; output: number }, model: string): unknown {
  const calls = (reply.toolCalls ?? []).map((c) => ({ functionCall: { name: c.name, args: c.arguments } }));
  return {
    candidates: [{ content: { role: 'model', parts: [...(reply.text ? [{ text: reply.text }] : []), ...calls] }, finishReason: 'STOP', index: 0 }],
    usageMetadata: { promptTokenCount: usage.input, candidatesTokenCount: usage.output, totalTokenCount: usage.input + usage.output },
    modelVersion: model,
  };
}

/** Gemini batch mode with inlined requests (and live generateContent) on loopback, v1beta paths. */
export async function startGoogleBatchMock(o: MockOptions): Promise<VendorMock> {
  const journal = newJournal();
  const jobs = new Map<string, { name: string; model: string; responses: unknown[]; retrieved: number }>();
  const jobObject = (j: { name: string; model: string; responses: unknown[]; retrieved: number }): unknown => {
    const done = j.retrieved >= (o.pollsUntilDone ?? 2);
    return {
      name: j.name, done,
      metadata: {
        '@type': 'type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch', name: j.name, model: j.model, displayName: 'cxbench',
        state: done ? 'BATCH_STATE_SUCCEEDED' : j.retrieved === 0 ? 'BATCH_STATE_PENDING' : 'BATCH_STATE_RUNNING',
        ...(done ? { output: { inlinedResponses: { inlinedResponses: j.responses } } } : {}),
      },
    };
  };
  const server = await listen(journal, async (req, res, path) => {
    const body = await readBody(req);
    const gen = /^\/v1beta\/models\/([^:]+):(generateContent|batchGenerateContent)$/.exec(path);
    if (req.method === 'POST' && gen?.[2] === 'generateContent') {
      journal.liveCalls++;
      const b = JSON.parse(body.toString()) as GenerateBody;
      const sr = simple(b);
      const reply = o.responder(sr, null);
      if ('error' in reply) { json(res, 500, { error: { code: 500, message: reply.error, status: 'INTERNAL' } }); return true; }
      json(res, 200, response(reply, usageFor(sr, reply), gen[1]!));
      return true;
    }
    if (req.method === 'POST' && gen?.[2] === 'batchGenerateContent') {
      const b = JSON.parse(body.toString()) as { batch: { inputConfig: { requests: { requests: { request: GenerateBody; metadata?: { key?: string } }[] } } } };
      const requests = b.batch.inputConfig.requests.requests;
      const responses = requests.map((r) => {
        const sr = simple(r.request);
        const key = r.metadata?.key ?? '';
        const reply = o.responder(sr, key);
        return 'error' in reply ? { error: { code: 13, message: reply.error }, metadata: r.metadata } : { response: response(reply, usageFor(sr, reply), gen[1]!), metadata: r.metadata };
      });
      const name = `batches/job${jobs.size + 1}`;
      const j = { name, model: `models/${gen[1]!}`, responses, retrieved: 0 };
      jobs.set(name, j);
      journal.batches.push({ id: name, customIds: requests.map((r) => r.metadata?.key ?? '') });
      json(res, 200, jobObject(j));
      return true;
    }
    const get = /^\/v1beta\/(batches\/[^/]+)$/.exec(path);
    const j = get ? jobs.get(get[1]!) : undefined;
    if (req.method === 'GET' && j) {
      j.retrieved++;
      json(res, 200, jobObject(j));
      return true;
    }
    return false;
  });
  return { ...server, journal };
}
