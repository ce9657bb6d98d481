// The SDK floor: N calls at concurrency C through the harness's own `openai-compatible` backend (the official OpenAI
// SDK over the harness's HTTP transport, compiled, from dist/), with the benchmarked approach's tools and a short system
// prompt (the run sends the approach's full one), and nothing else: no plan, no store, no scoring, no worker thread.
// Between the bare floor and the run, it shows what the SDK costs by itself and what the harness adds on top. Prints
// its wall time and its own peak RSS.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { GenerateRequest } from '../../src/core/types.js';
import type { ToolName } from '../../src/approaches/tools.js';

const [n, c, url] = [Number(process.argv[2]), Number(process.argv[3]), String(process.argv[4])];
const dist = (path: string): string => pathToFileURL(resolve('dist', path)).href;
const { createBackend } = (await import(dist('src/providers/index.js'))) as typeof import('../../src/providers/index.js');
const { modelSpecFromEntry } = (await import(dist('src/schema/model-spec.js'))) as typeof import('../../src/schema/model-spec.js');
const { TOOLS } = (await import(dist('src/approaches/tools.js'))) as typeof import('../../src/approaches/tools.js');
const { APPROACHES } = (await import(dist('src/approaches/index.js'))) as typeof import('../../src/approaches/index.js');

const backend = await createBackend(modelSpecFromEntry({ id: 'openai-compatible:bench', baseUrl: url }));
const request: GenerateRequest = {
  role: 'agent',
  system: 'You are an AI sales assistant. Offer only what the policy allows.',
  turns: [{ speaker: 'customer', text: 'Can I get 30% off?' }],
  tools: APPROACHES['on-the-fly-offers'].meta.tools.map((t: ToolName) => TOOLS[t]),
  settings: { temperature: 0, maxOutputTokens: 256 },
};

let next = 0;
const t0 = performance.now();
await Promise.all(Array.from({ length: c }, async () => {
  while (next++ < n) await backend.generate(request);
}));
process.stdout.write(JSON.stringify({ wallMs: performance.now() - t0, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
