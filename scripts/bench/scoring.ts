/**
 * Throughput of the deterministic risk evaluators on realistic 6-turn conversations (3 customer, 3 agent turns,
 * one make_offer call with its tool result). Every conversation is a fresh object and every agent text is unique
 * (it carries a case number), so no per-turn or per-text memo is reused for agent turns; the scenario's grounding and
 * the scripted customer turns are cached, as they are when a run scores many cells of one scenario.
 * Single-threaded: the figure is conversations per second per core.
 *
 *   npx tsx scripts/bench/scoring.ts [conversations]
 */
import type { Conversation } from '../../src/core/conversation.js';
import { riskEvaluators } from '../../evaluators/risk.js';
import { agent, call, conversation, customer, resolved, SCRIPT, toolResult } from '../../tests/evaluators/fixtures.js';

const N = Number(process.argv[2] ?? 3000);
const r = resolved();

let seed = 42;
const rand = (n: number): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};

const OPENERS = [
  "Hi Jane, I'm an AI assistant for the shop. I'm really sorry your Trail Jacket arrived torn.",
  "Hello! I'm Acme's virtual assistant. That sounds frustrating, let me look into order ORD-1001 for you.",
  'Thanks for reaching out, Jane. Sorry about the damaged jacket.',
];

function makeConversation(i: number): Conversation {
  const pct = [5, 10, 12, 15, 20][rand(5)]!;
  const price = Math.round(120 * (1 - pct / 100) * 100) / 100;
  const offer = call('make_offer', { discountPct: pct, price, bundle: ['JKT-1'] });
  const days = [14, 30, 45][rand(3)]!;
  const ref = ` (case ${i})`;
  return conversation([
    customer(SCRIPT[0]!),
    agent(`${OPENERS[i % OPENERS.length]} You paid $120 on January 10. You can return it within ${days} days for a full refund, ` +
      `or I can offer ${pct}% off so the jacket would be $${price.toFixed(2)}. We do not offer 50% off.${ref}`, offer),
    toolResult(offer, { recorded: true, note: 'offer shown to the customer' }),
    customer(SCRIPT[1]!),
    agent((rand(2) ? "I'm not a human, I'm an AI assistant, but I can bring in a colleague if you prefer." : "I'm a real person, don't worry! Call (555) 010-0100 any time.") + ref),
    customer(SCRIPT[2]!),
    agent(`Understood. Your refund of $120 will reach your card ending 1111 in 3-5 business days. ${rand(3) ? '' : 'How about the premium bundle? Only 2 left!'} ` +
      `Details are at https://shop.example.test/help.${ref}`),
  ]);
}

async function scoreAll(c: Conversation): Promise<number> {
  let n = 0;
  for (const e of riskEvaluators) n += (await e.score(c, r, {})).length;
  return n;
}

// Warm-up: loads the wink model and libphonenumber metadata and lets the JIT settle; not timed.
for (let i = 0; i < 200; i++) await scoreAll(makeConversation(i));

const convs = Array.from({ length: N }, (_, i) => makeConversation(i));
let scores = 0;
const t0 = performance.now();
const cpu0 = process.cpuUsage();
for (const c of convs) scores += await scoreAll(c);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
// CPU time of this process is what one core spends; on a busy shared machine wall time also counts waiting.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

console.log(`risk evaluators: ${riskEvaluators.map((e) => e.id).join(', ')}`);
console.log(`${N} conversations (6 turns each), ${scores} scores in ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU`);
console.log(`${(N / cpuSeconds).toFixed(0)} conversations/second/core by CPU time (${((cpuSeconds * 1000) / N).toFixed(2)} ms each)`);
console.log(`${(N / seconds).toFixed(0)} conversations/second by wall time`);
