// A loopback OpenAI-compatible mock in its own process (so its CPU is not charged to the harness). Prints its URL.
import { startMockOpenAI } from '../../src/mock/openai-server.js';

const latencyMs = Number(process.argv[2] ?? 50);
const mock = await startMockOpenAI({ latencyMs });
process.stdout.write(`${mock.url}\n`);
process.on('SIGTERM', () => { void mock.close().then(() => process.exit(0)); });
