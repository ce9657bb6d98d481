/**
 * Build + reply time of the traditional arm through the rules agent: 1,000 cells of one scenario (persona
 * variants differ only in the name), each a fresh cell key, so a bot is built per cell while the intent model is
 * trained once per knowledge set. Run: npx tsx scripts/bench/rules.ts
 */
import type { Turn } from '../../src/core/types.js';
import { executeTool, TERMINAL_TOOLS, TOOLS, type ToolName } from '../../src/approaches/tools.js';
import { APPROACHES } from '../../src/approaches/index.js';
import { rulesAgent } from '../../src/agents/rules-agent.js';
import type { AgentContext } from '../../src/agents/agent.js';
import { trainingCount } from '../../src/rules/nlp/intent-model.js';
import type { ApproachId } from '../../src/schema/approach.js';
import { resolved } from '../../tests/rules/fixtures.js';

const CELLS = 1000;
const SCRIPT = ['Hi, where is my order?', 'It is FA-10234', "What's the process to send an item back?", 'This is ridiculous, I am so frustrated', 'am I talking to a real person?'];
const NAMES = ['Maya', 'Jamal', 'Emily', 'DeShawn', 'Mei', 'Santiago', 'Aisha', 'Connor'];

async function runCells(approach: ApproachId): Promise<{ ms: number; agentCalls: number }> {
  const agentUnderTest = rulesAgent();
  const tools = APPROACHES[approach].meta.tools.map((t: ToolName) => TOOLS[t]);
  let agentCalls = 0;
  const t0 = performance.now();
  for (let i = 0; i < CELLS; i++) {
    const base = resolved(approach);
    const r = { ...base, scenario: { ...base.scenario, persona: { ...base.scenario.persona, firstName: NAMES[i % NAMES.length]! } } };
    const ctx: AgentContext = {
      conversationId: `bench-${i}`, cellKey: `bench-${approach}-${i}`, approach: APPROACHES[approach], resolved: r, outreach: APPROACHES[approach].meta.mode === 'outreach',
      design: { system: '', tools, settings: { temperature: 0, maxOutputTokens: 512 }, maxAgentStepsPerTurn: 4 }, record: () => undefined,
    };
    const turns: Turn[] = [];
    let ended = false;
    const agent = async (): Promise<void> => {
      for (let step = 0; step < 4 && !ended; step++) {
        const out = await agentUnderTest.respond([...turns], ctx);
        agentCalls++;
        turns.push(out.turn);
        if (!out.turn.toolCalls?.length) return;
        for (const c of out.turn.toolCalls) {
          turns.push({ speaker: 'tool', text: executeTool(c, r), toolCallId: c.id, toolName: c.name });
          if (TERMINAL_TOOLS.has(c.name)) ended = true;
        }
      }
    };
    if (APPROACHES[approach].meta.mode === 'outreach') await agent();
    for (const text of SCRIPT) { if (ended) break; turns.push({ speaker: 'customer', text }); await agent(); }
  }
  return { ms: performance.now() - t0, agentCalls };
}

const rows: string[] = [];
for (const approach of ['empathic-support-agent', 'ai-sales-consultant', 'proactive-predictive-support'] as ApproachId[]) {
  const before = trainingCount();
  const { ms, agentCalls } = await runCells(approach);
  rows.push(`${approach.padEnd(30)} ${CELLS} cells  ${ms.toFixed(0).padStart(6)} ms total  ${(ms / CELLS).toFixed(2).padStart(6)} ms/cell  ${(ms / agentCalls).toFixed(3)} ms/agent call  ${agentCalls} agent calls  trainings: ${trainingCount() - before}`);
}
console.log(rows.join('\n'));
