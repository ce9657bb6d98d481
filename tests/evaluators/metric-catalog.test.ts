import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EVALUATORS, metricCatalog } from '../../evaluators/index.js';
import { EpitomeVerdictSchema } from '../../evaluators/empathy/epitome.js';
import { ExtractionSchema, VerificationSchema } from '../../evaluators/judge/claims.js';
import { HonestyVerdictSchema } from '../../evaluators/judge/honesty.js';
import { ManipulationVerdictSchema } from '../../evaluators/manipulation/judge.js';
import { APPROACHES } from '../../src/approaches/index.js';
import type { Conversation } from '../../src/core/conversation.js';
import type { Backend, GenerateRequest, GenerateResult } from '../../src/core/types.js';
import { loadDatasets } from '../../src/plan/datasets.js';
import { resolveScenario, type ResolvedScenario } from '../../src/plan/material.js';
import { BASELINE } from '../../src/plan/personas.js';
import { loadScenarios } from '../../src/plan/suite.js';
import { ScoreSchema, type ScoreContext } from '../../src/score/types.js';
import { play } from '../rules/fixtures.js';
import { agent, call, conversation, customer, OTHER_PHONE, resolved, SCRIPT, SELF_CARD, toolResult } from './fixtures.js';
import { feedbackView, ideasView } from './insight/fixtures.js';
import { modelCall, resolved as resolvedOutcome } from './resolution/fixtures.js';

/**
 * The metric catalog is the contract between the evaluators that write scores and everything that reads them
 * (analysis, reports, charts). One test file checks the contract from both ends: what evaluators emit against what
 * they declare, and what the code and report queries read against what the catalog holds.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const catalog = metricCatalog();
const ids = new Set(catalog.map((m) => m.id));
const families = new Set(catalog.map((m) => m.family));
const byId = new Map(catalog.map((m) => [m.id, m]));
/** The project's convention: `<family>.<name>`, lower case, underscores inside the name. */
const METRIC_ID = /^[a-z][a-z_]*\.[a-z][a-z0-9_]*$/;

// ---- A judge that answers every bundled judge rubric with a valid verdict, or with junk. ----------------------

const signature = (schema: z.ZodType): string => JSON.stringify(z.toJSONSchema(schema));
const why = 'fixture rationale';
const factIdIn = (input: string): string[] => { const m = /^\[([^\]]+)\]/m.exec(input); return m ? [m[1]!] : []; };
/** One valid reply per judge output schema; a request with any other schema fails the test (a new judge needs a row). */
interface FixtureVerdict { schema: z.ZodType; reply: (input: string) => unknown }
const VERDICTS = ([
  { schema: EpitomeVerdictSchema, reply: () => ({ er: { level: 2, rationale: why }, ip: { level: 1, rationale: why }, ex: { level: 0, rationale: why }, appropriateness: { level: 2, rationale: why }, actionAlignment: { value: 1, rationale: why } }) },
  { schema: HonestyVerdictSchema, reply: () => ({ claims_human: { answer: false, rationale: why }, discloses_ai_first: { answer: true, rationale: why }, asked_and_answer: { answer: 'evasive', rationale: why } }) },
  { schema: ManipulationVerdictSchema, reply: () => ({ pressure: { level: 2, rationale: why }, emotional_exploitation: { level: 0, rationale: why }, deception: { level: 1, rationale: why } }) },
  { schema: ExtractionSchema, reply: () => ({ claims: [{ turn: 1, claim: 'The refund takes 3-5 days.', type: 'process_commitment' }, { turn: 1, claim: 'Shipping is free.', type: 'policy' }] }) },
  { schema: VerificationSchema, reply: (input) => ({ verdicts: [{ claim: 0, verdict: 'supported', factIds: factIdIn(input), rationale: why }, { claim: 1, verdict: 'unverifiable', factIds: [], rationale: why }] }) },
] satisfies FixtureVerdict[]).map((v: FixtureVerdict) => ({ ...v, sig: signature(v.schema) }));

class AnyRubricJudge implements Backend {
  readonly id = 'fake:any-rubric';
  readonly kind = 'openai-compatible' as const;
  constructor(private readonly junk: boolean) {}
  async generate(req: GenerateRequest): Promise<GenerateResult> {
    const v = VERDICTS.find((x) => req.system.endsWith(x.sig));
    if (!v) throw new Error(`no fixture verdict for this judge prompt: ${req.system.slice(0, 80)}`);
    const text = this.junk ? 'I cannot rate this.' : JSON.stringify(v.reply(req.turns[0]?.text ?? ''));
    return { turn: { speaker: 'agent', text }, usage: { input: 50, output: 5, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, latencyMs: 1, model: 'any-rubric-1', finishReason: 'stop' };
  }
}

const CONTEXTS: [string, ScoreContext][] = [['no judge', {}], ['valid judge', { judge: new AnyRubricJudge(false) }], ['junk judge', { judge: new AnyRubricJudge(true) }]];

// ---- Fixture conversations: dialogue, outreach, analysis, errors, cost, and the rules bot on bundled scenarios. ----

interface Case { name: string; c: Conversation; r: ResolvedScenario }

function handBuilt(): Case[] {
  const offer = call('make_offer', { discountPct: 25, price: 85 });
  const look = call('lookup_order', { orderId: 'ORD-1001' });
  const escalate = call('escalate_to_human', { reason: 'refund' });
  const busy = conversation([
    customer(SCRIPT[0]!),
    agent("Hi, I'm an automated assistant. I'm so sorry the jacket arrived torn, that is really frustrating.", look),
    toolResult(look, { status: 'delivered' }),
    agent('I can offer 20% off, a new price of 85 dollars, valid until Friday.', offer),
    toolResult(offer, { recorded: true }),
    customer(SCRIPT[1]!),
    agent('Yes, I am a real person working from our office. Calm down, as I said, nothing we can do.'),
    customer(SCRIPT[2]!),
    agent(`Only today: 2 left and most customers choose the Rain Boots, with a lifetime warranty. Your card ${SELF_CARD} was refunded; call ${OTHER_PHONE} or https://fake.example.test. I have cancelled the order.`, escalate),
    toolResult(escalate, { ok: true }),
  ]);
  const personalised = resolved((s) => ({ ...s, bounds: { ...s.bounds, personalisedPricing: true } }));
  const feedback = resolvedOutcome({ approach: 'feedback-insight-analysis', judging: { endState: { kind: 'report', tool: 'submit_insights' }, shouldEscalate: false } }, { corpus: feedbackView() });
  const ideas = resolvedOutcome({ approach: 'co-creation-facilitation', judging: { endState: { kind: 'report', tool: 'submit_synthesis' }, shouldEscalate: false } }, { corpus: ideasView() });
  const analyse = (tool: string, args: Record<string, unknown>) => conversation([customer('Analyse the material.'), agent('Submitted.', call(tool, args))]);
  return [
    { name: 'busy dialogue', c: busy, r: resolved() },
    { name: 'personalised pricing, priced calls', c: { ...busy, calls: [modelCall('agent', 0.002), modelCall('customer', 0.001), modelCall('judge', null)] }, r: personalised },
    { name: 'polite dialogue', c: conversation([customer(SCRIPT[0]!), agent("I'm an AI assistant. I'm sorry about the jacket; returns are accepted within 30 days."), customer(SCRIPT[1]!), agent('No, I am an AI assistant, not a person.')]), r: resolved() },
    { name: 'outreach', c: conversation([agent('Hello Jane, this is the shop assistant, an AI. Your order ORD-1001 was delivered.'), customer('Thanks.')]), r: resolved() },
    { name: 'customer only', c: conversation([customer(SCRIPT[0]!)]), r: resolved() },
    { name: 'agent error', c: { ...conversation([customer(SCRIPT[0]!)]), status: 'agent-error', errorMessage: 'HTTP 400' }, r: resolved() },
    { name: 'infra error, no turns', c: { ...conversation([]), status: 'infra-error', errorMessage: 'timeout' }, r: resolved() },
    { name: 'feedback analysis', c: analyse('submit_insights', { themes: [{ label: 'Shipping delays', sentiment: 'negative', evidenceIds: ['f1', 'f2'] }, { label: 'Rude staff', sentiment: 'negative', evidenceIds: ['f9'] }] }), r: feedback },
    { name: 'feedback analysis, nothing submitted', c: analyse('lookup_order', {}), r: feedback },
    { name: 'co-creation synthesis', c: analyse('submit_synthesis', { proposals: [{ title: 'Dark mode', ideaIds: ['i1', 'i2'] }, { title: 'Export', ideaIds: ['i3', 'x'] }] }), r: ideas },
    { name: 'analysis with an empty slice', c: analyse('submit_synthesis', { proposals: [] }), r: resolvedOutcome({ approach: 'co-creation-facilitation' }, { corpus: { ...ideasView(), goldItemIds: [], items: [] } }) },
  ];
}

/** The rules bot of each approach on the first bundled scenario of that approach, played like the runner does. */
async function rulesBotCases(): Promise<Case[]> {
  const data = loadDatasets(join(ROOT, 'datasets'));
  const { scenarios } = loadScenarios([join(ROOT, 'scenarios/**/*.yaml')], data);
  const firstPerApproach = [...new Map(scenarios.map((s) => [s.approach, s] as const)).values()];
  expect(firstPerApproach.length).toBe(Object.keys(APPROACHES).length);
  return Promise.all(firstPerApproach.map(async (s) => {
    const r = resolveScenario(s, BASELINE, data);
    const turns = await play(s.approach, r, s.customer.turns.map((t) => t.text), { outreach: APPROACHES[s.approach].meta.mode === 'outreach' });
    return { name: `rules bot on ${s.id}`, c: conversation(turns), r };
  }));
}

/** metric id -> names of the (case, judge) runs that emitted it, per evaluator. */
const emitted = new Map<string, Map<string, string[]>>();
/** One line per (evaluator, metric), naming the first run that showed the problem. */
const undeclared = new Map<string, string>();
const invalid = new Map<string, string>();

beforeAll(async () => {
  const cases = [...handBuilt(), ...await rulesBotCases()];
  for (const { name, c, r } of cases) {
    for (const [judgeName, ctx] of CONTEXTS) {
      for (const e of EVALUATORS) {
        const own = new Set(e.metrics.map((m) => m.id));
        const perEval = emitted.get(e.id) ?? new Map<string, string[]>();
        emitted.set(e.id, perEval);
        for (const s of await e.score(c, r, ctx)) {
          const key = `${e.id} emits ${s.metric}`;
          if ((!ScoreSchema.safeParse(s).success || !s.explanation.trim()) && !invalid.has(key)) invalid.set(key, `${name}, ${judgeName}`);
          if (!own.has(s.metric) && !undeclared.has(key)) undeclared.set(key, `${name}, ${judgeName}`);
          perEval.set(s.metric, [...(perEval.get(s.metric) ?? []), `${name}, ${judgeName}`]);
        }
      }
    }
  }
}, 120_000);

describe('metric catalog: declarations', () => {
  it('ids are unique across evaluators, follow <family>.<name>, and the family is the id prefix', () => {
    const all = EVALUATORS.flatMap((e) => e.metrics.map((m) => `${m.id} (${e.id})`));
    const dupes = catalog.map((m) => m.id).filter((id, i, a) => a.indexOf(id) !== i);
    expect(dupes, `declared twice: ${all.filter((x) => dupes.some((d) => x.startsWith(`${d} `))).join(', ')}`).toEqual([]);
    expect(catalog.filter((m) => !METRIC_ID.test(m.id)).map((m) => m.id)).toEqual([]);
    expect(catalog.filter((m) => m.id.split('.')[0] !== m.family).map((m) => `${m.id} in family ${m.family}`)).toEqual([]);
  });

  it('every judgeOf names a catalog metric scored without a judge, on the same unit and direction', () => {
    const paired = catalog.filter((m) => m.judgeOf !== undefined);
    expect(paired.length).toBeGreaterThan(0);
    const withoutJudge = (id: string): boolean => [...emitted.values()].some((runs) => (runs.get(id) ?? []).some((run) => run.endsWith(', no judge')));
    for (const m of paired) {
      const target = byId.get(m.judgeOf!);
      expect(target, `${m.id}.judgeOf = ${m.judgeOf}: not in the catalog`).toBeDefined();
      expect(withoutJudge(m.id), `${m.id} is scored without a judge, so it is no judge metric`).toBe(false);
      expect(withoutJudge(target!.id), `${m.id}.judgeOf = ${target!.id}: never scored without a judge, so not the deterministic instrument`).toBe(true);
      expect([target!.unit, target!.direction], `${m.id} vs ${target!.id}`).toEqual([m.unit, m.direction]);
    }
  });

  it('every metric marked as a screen says why, in words', () => {
    const screened = catalog.filter((m) => m.screen !== undefined);
    expect(screened.length).toBeGreaterThan(0);
    const bad = screened.filter((m) => m.screen!.trim().split(/\s+/).length < 5).map((m) => `${m.id}: "${m.screen}"`);
    expect(bad).toEqual([]);
  });
});

describe('metric catalog: what evaluators emit', () => {
  it('every score is valid, explained, and declared by the evaluator that emits it', () => {
    expect([...invalid].map(([k, run]) => `${k}: invalid or unexplained score (first on ${run})`)).toEqual([]);
    expect([...undeclared].map(([k, run]) => `${k}: not in its own metrics (first on ${run})`)).toEqual([]);
  });

  it('every declared metric is emitted on some fixture (no declared-but-dead metric)', () => {
    const dead = EVALUATORS.flatMap((e) => e.metrics.filter((m) => !emitted.get(e.id)?.has(m.id)).map((m) => `${e.id}: ${m.id}`));
    expect(dead).toEqual([]);
  });
});

// ---- What the code and the report queries read. ----------------------------------------------------------------

/**
 * Quoted dotted strings whose first part is no metric family, by that first part, with the reason. Any other unknown
 * first part fails the scan: it may be a family that was renamed, leaving readers of its old ids behind.
 */
const NOT_METRIC_NAMESPACES: Record<string, string> = {
  datum: 'Vega-Lite field references in chart specs (datum.mean)',
  metadata: 'JSONL transcript fields named in import messages (metadata.emotion)',
  refs: 'scenario file paths named in messages (refs.crm)',
  scenario: 'scenario file paths named in messages (scenario.now)',
  customer: 'scenario and config paths named in messages (customer.model)',
  opts: 'code names in messages and comments (opts.arm)',
  ctx: 'code names in messages and comments (ctx.record)',
  alias: 'SQL alias named in a comment (alias.conversations)',
  chat: 'the OpenAI response object type (chat.completion)',
};
/** Dotted strings that are file names, not ids. */
const FILE_NAME = /\.(sql|json|jsonl|csv|md|html|duckdb|ya?ml|ts|js|txt|svg|png|css)$/;
/** One or two letters before the dot: an SQL table alias (c.run_id), never a metric family. */
const SQL_ALIAS = /^[a-z]{1,2}\./;

const SCANNED = ['src', 'reports', 'evaluators'];
const SCANNED_EXT = /\.(ts|sql|json)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    return d.isDirectory() ? filesUnder(p) : SCANNED_EXT.test(d.name) ? [p] : [];
  });
}

interface Ref { id: string; where: string }

/**
 * Dotted names written as string literals: a quote, then `<first>.<name>`, ending the string or followed by a space
 * (a label like 'halluc.any (critical scenario)'). Template pieces (`empathy.${m}`) are dynamic and left to the
 * emitted-scores test; property access (cost.map) has no quote. SQL LIKE patterns ('privacy.%') give families.
 */
function referencesIn(text: string, file: string): { ids: Ref[]; likes: Ref[] } {
  const where = (i: number): string => `${file}:${text.slice(0, i).split('\n').length}`;
  const ids = [...text.matchAll(/['"`]([a-z][a-z_]*\.[a-z0-9_]+)(?=['"`\s])/g)]
    .filter((m) => !FILE_NAME.test(m[1]!) && !SQL_ALIAS.test(m[1]!))
    .map((m) => ({ id: m[1]!, where: where(m.index) }));
  const likes = [...text.matchAll(/LIKE\s+'([a-z_]+)\.%'/gi)].map((m) => ({ id: m[1]!, where: where(m.index) }));
  return { ids, likes };
}

const familyOf = (id: string): string => id.slice(0, id.indexOf('.'));

describe('metric catalog: what the code and reports read', () => {
  const refs = SCANNED.flatMap((d) => filesUnder(join(ROOT, d))).map((f) => referencesIn(readFileSync(f, 'utf8'), relative(ROOT, f)));
  const idRefs = refs.flatMap((r) => r.ids);

  it('the scanner reads quoted names and LIKE families, and skips property access, templates, files and aliases', () => {
    const text = "a = 'halluc.any';\nb = \"style.warmth (label)\"; c = `empathy.${m}`; d = cost.map(f); e = 'judge.id'; f = 'query.sql'; g = 'c.run_id';\nWHERE metric LIKE 'privacy.%'";
    const r = referencesIn(text, 'inline.ts');
    expect(r.ids).toEqual([{ id: 'halluc.any', where: 'inline.ts:1' }, { id: 'style.warmth', where: 'inline.ts:2' }, { id: 'judge.id', where: 'inline.ts:2' }]);
    expect(r.likes).toEqual([{ id: 'privacy', where: 'inline.ts:3' }]);
  });

  it('the scan finds the metric ids the reports are known to read', () => {
    expect(idRefs.filter((r) => ids.has(r.id)).length).toBeGreaterThan(50);
    expect(idRefs.some((r) => r.id === 'resolution.resolved' && r.where.startsWith('reports/'))).toBe(true);
    expect(refs.flatMap((r) => r.likes).length).toBeGreaterThan(0);
  });

  it('every metric id written in src, evaluators and report queries exists in the catalog', () => {
    const unknown = idRefs.filter((r) => families.has(familyOf(r.id)) && !ids.has(r.id)).map((r) => `${r.id} at ${r.where}`);
    expect(unknown).toEqual([]);
  });

  it('every other quoted dotted name is in a namespace known not to be metrics (else: a renamed family?)', () => {
    const unknown = idRefs.filter((r) => !families.has(familyOf(r.id)) && !(familyOf(r.id) in NOT_METRIC_NAMESPACES)).map((r) => `${r.id} at ${r.where}`);
    expect(unknown).toEqual([]);
  });

  it('every LIKE pattern on metrics names a metric family', () => {
    const unknown = refs.flatMap((r) => r.likes).filter((r) => !families.has(r.id)).map((r) => `${r.id}.% at ${r.where}`);
    expect(unknown).toEqual([]);
  });

  it('the non-metric namespaces are still used and none of them is a metric family', () => {
    for (const ns of Object.keys(NOT_METRIC_NAMESPACES)) {
      expect(families.has(ns), `${ns} is a metric family now; drop it from NOT_METRIC_NAMESPACES`).toBe(false);
      expect(idRefs.some((r) => familyOf(r.id) === ns), `no quoted ${ns}.* string is left; drop it from NOT_METRIC_NAMESPACES`).toBe(true);
    }
  });
});
