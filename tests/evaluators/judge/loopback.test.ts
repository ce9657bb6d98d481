import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { epitomeJudgeEvaluator } from '../../../evaluators/empathy/epitome.js';
import type { Backend, GenerateRequest, GenerateResult } from '../../../src/core/types.js';
import type { Score } from '../../../src/score/types.js';
import { agent, conversation, customer, resolved } from '../resolution/fixtures.js';

/**
 * The judge path end to end over real HTTP on 127.0.0.1: a tiny server speaking OpenAI chat-completions JSON, reached
 * through the `openai` SDK. The Backend wrapper below is deliberately minimal (text only, no tools, no retries); the
 * project's real openai-compatible backend lives in src/providers and is tested there.
 */

interface ChatBody { model: string; temperature?: number; messages: { role: string; content: string }[] }
const received: ChatBody[] = [];
let replies: string[] = [];

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

let server: Server;
let baseURL = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) { res.writeHead(404).end(); return; }
      const body = JSON.parse(await readBody(req)) as ChatBody;
      received.push(body);
      const content = replies.shift() ?? '{}';
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
        id: `chatcmpl-${received.length}`, object: 'chat.completion', created: 1, model: `${body.model}-2025-01-01`,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
        usage: { prompt_tokens: 300, completion_tokens: 40, total_tokens: 340, prompt_tokens_details: { cached_tokens: 100 } },
      }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => { await new Promise<void>((resolve) => server.close(() => resolve())); });

function minimalOpenAIBackend(model: string): Backend {
  const client = new OpenAI({ apiKey: 'test-key', baseURL, maxRetries: 0 });
  return {
    id: `openai-compatible:${model}`,
    kind: 'openai-compatible',
    async generate(req: GenerateRequest): Promise<GenerateResult> {
      const messages = [
        { role: 'system' as const, content: req.system },
        ...req.turns.map((t) => (t.speaker === 'agent' ? { role: 'assistant' as const, content: t.text } : { role: 'user' as const, content: t.text })),
      ];
      const t0 = Date.now();
      const r = await client.chat.completions.create({ model, messages, temperature: req.settings.temperature, max_tokens: req.settings.maxOutputTokens });
      const cached = r.usage?.prompt_tokens_details?.cached_tokens ?? 0;
      return {
        turn: { speaker: 'agent', text: r.choices[0]?.message.content ?? '' },
        usage: { input: (r.usage?.prompt_tokens ?? 0) - cached, output: r.usage?.completion_tokens ?? 0, cacheRead: cached, cacheWrite: 0, reasoning: 0 },
        latencyMs: Date.now() - t0, model: r.model, finishReason: r.choices[0]?.finish_reason ?? 'unknown',
      };
    },
  };
}

describe('judge over loopback HTTP (openai SDK)', () => {
  it('sends a masked temperature-0 request, repairs invalid JSON, and scores from the reply', async () => {
    replies = [
      'Sure! Here is my rating: level two.',
      JSON.stringify({ er: { level: 2, rationale: 'sorry about A100' }, ip: { level: 1, rationale: 'I understand' }, ex: { level: 0, rationale: '' }, appropriateness: { level: 2, rationale: 'calibrated' }, actionAlignment: { value: 1, rationale: 'refund issued' } }),
    ];
    const scenario = resolved();
    const text = scenario.scenario.customer.turns[0]!.text;
    const c = conversation([customer(`Maria Lopez: ${text}`), agent("I'm so sorry Maria, I understand. I have issued a refund for A100.")]);
    const scores = await epitomeJudgeEvaluator.score(c, scenario, { judge: minimalOpenAIBackend('judge-model') });
    const s = Object.fromEntries(scores.map((x: Score) => [x.metric, x]));

    expect(received).toHaveLength(2);
    expect(received[0]!.temperature).toBe(0);
    expect(received[0]!.model).toBe('judge-model');
    expect(received[1]!.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(JSON.stringify(received)).not.toMatch(/maria|lopez/i);
    expect(s['empathy.epitome']!.value).toBeCloseTo(3 / 6, 10);
    expect(s['empathy.action_alignment']!.value).toBe(1);
    expect(s['judge.tokens']!.value).toBe(2 * 340);
    expect(JSON.parse(s['judge.tokens']!.evidence[0]!.note!)).toMatchObject({ model: 'judge-model-2025-01-01', usage: { cacheRead: 200 } });
    expect(s['empathy.epitome']!.evaluator).toMatch(/^judge:openai-compatible:judge-model#[0-9a-f]{12}$/);
  });
});
