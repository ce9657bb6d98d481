/**
 * Plays the rules bot on every bundled dialogue/outreach scenario (scripted customer turns, tools answered from the
 * scenario's own data, as the runner does) and lists every claim the grounding instrument does not find supported.
 * The rules bot only says what its material holds, so each line is either a gap in a scenario's material or a
 * false alarm of the instrument; both are findings.
 *
 *   npx tsx scripts/measure/rules-bot-grounding.ts [scenario-glob]
 */
import { APPROACHES } from '../../src/approaches/index.js';
import type { Conversation } from '../../src/core/conversation.js';
import { loadDatasets } from '../../src/plan/datasets.js';
import { resolveScenario } from '../../src/plan/material.js';
import { applyVariant, BASELINE } from '../../src/plan/personas.js';
import { loadScenarios } from '../../src/plan/suite.js';
import { play } from '../../tests/rules/fixtures.js';
import { assessHallucination, isHallucination } from '../../evaluators/hallucination/evaluator.js';

const data = loadDatasets('datasets');
const { scenarios, files } = loadScenarios([process.argv[2] ?? 'scenarios/**/*.yaml'], data);
let convs = 0;
let flaggedConvs = 0;
let claims = 0;
let flags = 0;
for (const s0 of scenarios) {
  const meta = APPROACHES[s0.approach].meta;
  if (meta.mode === 'analysis') continue;
  const s = applyVariant(s0, BASELINE);
  const r = resolveScenario(s, BASELINE, data);
  // Played the way the runner plays it (the rules tests' helper): outreach opens with the agent, tools answered from the scenario.
  const turns = await play(s.approach, r, s.customer.turns.map((t) => t.text), { outreach: meta.mode === 'outreach' });
  const c: Conversation = {
    cell: { key: s.id, approach: s.approach, stage: 'x', mode: meta.mode, domain: s.domain, scenarioId: s.id, scenarioVersion: s.version, variantSet: 'base', variantId: 'base', attribute: 'none', group: 'base', isReference: true, model: 'rules', epoch: 0 },
    runId: 'rules-grounding', status: 'done', errorMessage: null, turns, calls: [], startedAt: s.now, finishedAt: s.now, handleTimeMs: 0, endReason: 'script-complete',
  };
  const a = await assessHallucination(c, r);
  convs++;
  const asserted = a.checked.filter((x) => x.verdict !== 'not-asserted');
  claims += asserted.length;
  const bad = asserted.filter(isHallucination);
  flags += bad.length;
  if (bad.length || a.forbidden.length) flaggedConvs++;
  for (const x of bad) console.log(`${files.get(s.id)} turn ${x.claim.turn}: ${x.claim.kind} "${x.claim.raw}" ${x.verdict}: ${x.note}\n    ${x.claim.sentence.slice(0, 200)}`);
  for (const f of a.forbidden) console.log(`${files.get(s.id)} turn ${f.turn}: forbidden "${f.phrase}"\n    ${f.sentence.slice(0, 200)}`);
}
console.log(`rules bot on ${convs} bundled conversations: ${claims} claims, ${flags} not supported; ${flaggedConvs} conversation(s) with halluc.any = 1`);
