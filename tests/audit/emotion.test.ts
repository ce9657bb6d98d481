import { describe, expect, it } from 'vitest';
import { EVALUATORS } from '../../evaluators/index.js';
import { empathyLexEvaluator } from '../../evaluators/empathy/lex.js';
import { auditConversation } from '../../src/audit/conversation.js';
import { EMOTION_GATED_METRICS } from '../../src/audit/emotion.js';
import { readCsv } from '../../src/audit/read-csv.js';
import { readJsonl } from '../../src/audit/read-jsonl.js';
import type { AuditRecord } from '../../src/audit/record.js';
import { auditResolved, auditScenario, type AuditScenarioOptions } from '../../src/audit/scenario.js';
import { completeAuditScores } from '../../src/audit/unknowns.js';
import { APPROACHES } from '../../src/approaches/index.js';

const opts: AuditScenarioOptions = { approach: 'empathic-support-agent', domain: 'fashion-ecommerce', material: { kb: [], policies: [], catalog: [], files: [] }, toolClasses: {}, useBrief: true };
const line = (o: unknown): string => JSON.stringify(o);
const ANGRY = { label: 'angry', intensity: 8 } as const;

const upset = (metadata?: Record<string, unknown>, userMeta?: Record<string, unknown>) => readJsonl('f.jsonl', line({
  id: 'e1',
  messages: [
    { role: 'user', content: 'My parcel never arrived and nobody answers my e-mails. This is ridiculous.', ...(userMeta ? { metadata: userMeta } : {}) },
    { role: 'assistant', content: "I'm so sorry, that sounds really frustrating. Let me look into it for you right away." },
    { role: 'user', content: 'Thanks.' },
    { role: 'assistant', content: 'You are welcome.' },
  ],
  ...(metadata ? { metadata } : {}),
}));

const lexScores = async (rec: AuditRecord) => {
  const conv = auditConversation(rec, { approach: APPROACHES['empathic-support-agent'], label: 'x', runId: 'r', domain: 'fashion-ecommerce', at: 't' });
  const raw = await empathyLexEvaluator.score(conv, auditResolved(rec, opts), {});
  return completeAuditScores(raw, rec, [empathyLexEvaluator], false);
};

describe('customer emotion in audited transcripts', () => {
  it('without an annotation the emotion-gated empathy metrics are null and say the annotation is missing', async () => {
    const { records, problems } = upset();
    expect(problems).toEqual([]);
    const scores = await lexScores(records[0]!);
    const lex = scores.find((s) => s.metric === 'empathy.lex')!;
    expect(lex).toMatchObject({ value: null, explanation: expect.stringContaining('annotates no customer emotion (metadata.emotion)') });
    // Not gated on emotion: still scored.
    expect(scores.find((s) => s.metric === 'empathy.dismissive')!.value).toBe(0);
  });

  it('metadata.emotion on a user message annotates that turn; the gated metrics are then scored', async () => {
    const { records, problems } = upset(undefined, { emotion: ANGRY, source: 'crm' });
    expect(problems).toEqual([]);
    expect([...records[0]!.emotions!]).toEqual([[0, ANGRY]]);
    expect(auditScenario(records[0]!, opts).customer.turns.map((t) => t.emotion)).toEqual([ANGRY, { label: 'neutral', intensity: 0 }]);
    const lex = (await lexScores(records[0]!)).find((s) => s.metric === 'empathy.lex')!;
    expect(lex.value).toBeGreaterThan(0);
  });

  it('a conversation-wide metadata.emotion annotates every user message without its own', () => {
    const { records } = upset({ emotion: { label: 'anxious', intensity: 5 } }, { emotion: ANGRY });
    expect([...records[0]!.emotions!]).toEqual([[0, ANGRY], [2, { label: 'anxious', intensity: 5 }]]);
  });

  it('a bad or misplaced emotion is an error naming the line and field', () => {
    const onAgent = readJsonl('f.jsonl', line({ id: 'x', messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'hello', metadata: { emotion: ANGRY } }] }));
    expect(onAgent.problems).toEqual([expect.objectContaining({ line: 1, path: 'messages.1.metadata.emotion' })]);
    const badLabel = upset({ emotion: { label: 'livid', intensity: 8 } });
    expect(badLabel.problems[0]).toMatchObject({ line: 1, path: 'metadata.emotion.label' });
  });

  it('CSV: optional emotion and intensity columns on customer rows, together', () => {
    const head = 'conversation_id,turn,speaker,text,emotion,intensity\n';
    const ok = readCsv('c.csv', `${head}a,1,customer,Where is my refund?,annoyed,6\na,2,agent,Let me check.,,\n`);
    expect(ok.problems).toEqual([]);
    expect([...ok.records[0]!.emotions!]).toEqual([[0, { label: 'annoyed', intensity: 6 }]]);
    const half = readCsv('c.csv', `${head}a,1,customer,Where is my refund?,annoyed,\na,2,agent,Let me check.,,\n`);
    expect(half.problems).toContainEqual(expect.objectContaining({ line: 2, path: 'intensity', expected: 'emotion and intensity together (or neither)' }));
    const onAgent = readCsv('c.csv', `${head}a,1,customer,Hi,,\na,2,agent,Hello,happy,3\n`);
    expect(onAgent.problems[0]).toMatchObject({ line: 3, path: 'emotion' });
  });

  it('the emotion-gated list names declared metrics, and every metric whose description gates it on emotion is in it', () => {
    const metrics = EVALUATORS.flatMap((e) => e.metrics);
    const declared = new Set(metrics.map((m) => m.id));
    for (const id of EMOTION_GATED_METRICS) expect(declared, id).toContain(id);
    const gatedByDescription = metrics.filter((m) => /emotional (?:customer )?turn|emotion intensity|intensity-weighted/i.test(m.description)).map((m) => m.id);
    expect(gatedByDescription.length).toBeGreaterThan(5);
    for (const id of gatedByDescription) expect([...EMOTION_GATED_METRICS], id).toContain(id);
  });
});
