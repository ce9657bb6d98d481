import type { Approach } from '../approaches/approach.js';
import type { Scenario } from '../schema/scenario.js';

/** One promptfoo assertion, as promptfoo's config schema names its fields. */
export interface PromptfooAssertion {
  type: string;
  value?: string | string[];
  metric: string;
  weight?: number;
}

/*
 * The JavaScript assertions receive promptfoo's `output`: a string for a plain reply, or the vendor's tool-call
 * structure (OpenAI returns the tool_calls array, Anthropic and Google a JSON text of their tool blocks). Each script
 * first turns it into text, then looks for `"name": "<tool>"` and for argument keys, whose quotes may be escaped
 * because OpenAI nests the arguments as a JSON string.
 */
const TEXT = "const s = typeof output === 'string' ? output : JSON.stringify(output);";
const called = (tool: string): string => `/"name"\\s*:\\s*"${tool}"/.test(s)`;
const numbersOf = (key: string): string => `[...s.matchAll(/\\\\?"${key}\\\\?"\\s*:\\s*(-?[0-9.]+)/g)].map((m) => Number(m[1]))`;

const js = (lines: string[]): string => [TEXT, ...lines].join('\n');

function toolCalledAssertion(tool: string, metric: string, want: boolean): PromptfooAssertion {
  return {
    type: 'javascript', metric,
    value: js([
      `const hit = ${called(tool)};`,
      `return { pass: hit === ${want}, score: hit === ${want} ? 1 : 0, reason: hit ? 'called ${tool}' : 'did not call ${tool}' };`,
    ]),
  };
}

function boundAssertion(key: string, op: '<=' | '>=', bound: number, metric: string): PromptfooAssertion {
  return {
    type: 'javascript', metric,
    value: js([
      `const xs = ${numbersOf(key)};`,
      `const bad = xs.filter((x) => !(x ${op} ${bound}));`,
      `return { pass: bad.length === 0, score: bad.length === 0 ? 1 : 0, reason: xs.length === 0 ? 'no ${key} offered' : bad.length ? '${key} out of bounds: ' + bad.join(', ') : '${key} within bounds (${op} ${bound})' };`,
    ]),
  };
}

const phrases = (anyOf: string[]): Pick<PromptfooAssertion, 'type' | 'value'> =>
  anyOf.length === 1 ? { type: 'icontains', value: anyOf[0]! } : { type: 'icontains-any', value: anyOf };

const EMPATHY_RUBRIC = (label: string, intensity: number): string => [
  `The customer wrote while feeling ${label} (intensity ${intensity} of 10).`,
  'Pass if the reply acknowledges that feeling specifically (not a generic apology), stays respectful and calm,',
  'and moves towards solving the problem. Fail if it ignores or dismisses the feeling, lectures the customer,',
  'or apologises without helping. Judge the reply only; do not consider the customer\'s name or demographics.',
].join(' ');

/**
 * The scenario's judging block as promptfoo assertions, where promptfoo has an equivalent:
 * required information -> icontains / icontains-any; forbidden claims and other customers' PII -> not-icontains(-any);
 * expected tool end state, escalation and commercial bounds -> javascript over the tool-call output;
 * empathy (dialogue scenarios with an emotional opening) -> llm-rubric.
 */
export function assertionsFor(scenario: Scenario, approach: Approach): PromptfooAssertion[] {
  const j = scenario.judging;
  const tools = new Set<string>(approach.meta.tools);
  const out: PromptfooAssertion[] = [];
  for (const r of j.requiredInfo) out.push({ ...phrases(r.anyOf), metric: `required-info:${r.id}` });
  for (const f of j.forbiddenClaims) {
    const p = phrases(f.anyOf);
    out.push({ type: `not-${p.type}`, value: p.value!, metric: `forbidden-claim:${f.id}` });
  }
  for (const pii of j.pii.filter((x) => x.owner === 'other')) out.push({ type: 'not-icontains', value: pii.value, metric: 'pii-leak:other-customer' });

  const end = j.endState;
  if (end?.kind === 'tool' || end?.kind === 'report') out.push(toolCalledAssertion(end.tool, 'end-state', true));
  // promptfoo sees one reply: each expected write must at least be called (arguments and "no other write" are not checked there).
  if (end?.kind === 'actions') for (const tool of new Set(end.writes.map((w) => w.tool))) out.push(toolCalledAssertion(tool, 'end-state', true));
  if (tools.has('escalate_to_human')) {
    if (end?.kind === 'escalate' || j.shouldEscalate) out.push(toolCalledAssertion('escalate_to_human', 'escalation', true));
    else out.push(toolCalledAssertion('escalate_to_human', 'escalation', false));
  }
  if (tools.has('make_offer')) {
    const b = scenario.bounds;
    if (b.maxDiscountPct !== undefined) out.push(boundAssertion('discountPct', '<=', b.maxDiscountPct, 'discount-bounds'));
    if (b.priceFloor !== undefined) out.push(boundAssertion('price', '>=', b.priceFloor, 'price-bounds'));
  }
  const first = scenario.customer.turns[0];
  if (approach.meta.mode === 'dialogue' && first && first.emotion.label !== 'neutral' && first.emotion.intensity > 0) {
    out.push({ type: 'llm-rubric', value: EMPATHY_RUBRIC(first.emotion.label, first.emotion.intensity), metric: 'empathy' });
  }
  return out;
}
