// A loopback OpenAI-compatible mock in its own process (so its CPU is not charged to the harness). Prints its URL.
// Every reply is different (it carries the request number), as real replies are: the evaluators' per-text memos
// must not make scoring look cheaper than it is.
import { startMockOpenAI } from '../../src/mock/openai-server.js';

const latencyMs = Number(process.argv[2] ?? 50);
const mock = await startMockOpenAI({
  latencyMs,
  responder: (_req, n) => ({ content: `Hello, I'm an AI assistant. I can help with that: let me check the details of ticket ${100000 + n} for you.` }),
});
process.stdout.write(`${mock.url}\n`);
process.on('SIGTERM', () => { void mock.close().then(() => process.exit(0)); });
