import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { askJudge, judgeLabel, judgeSystemPrompt } from '../../../evaluators/judge/ask.js';
import { FakeJudge } from './fake-backend.js';

const schema = z.object({ level: z.number().int().min(0).max(2) });

describe('askJudge', () => {
  it('asks at temperature 0 with no tools as the judge role and parses fenced JSON', async () => {
    const j = new FakeJudge(['```json\n{"level": 2}\n```']);
    const a = await askJudge(j, { rubric: 'Rate it.', input: 'the reply', schema });
    expect(a.parsed).toEqual({ level: 2 });
    expect(a.raw).toHaveLength(1);
    expect(j.requests[0]!.role).toBe('judge');
    expect(j.requests[0]!.settings.temperature).toBe(0);
    expect(j.requests[0]!.tools).toEqual([]);
    expect(j.requests[0]!.system).toMatch(/exactly one JSON object/);
    expect(a.model).toBe('judge-1-snapshot');
  });

  it('repairs once: shows the bad reply and the error, sums usage over both calls', async () => {
    const j = new FakeJudge(['Level: two', '{"level": 1}']);
    const a = await askJudge(j, { rubric: 'Rate it.', input: 'x', schema });
    expect(a.parsed).toEqual({ level: 1 });
    expect(a.raw).toEqual(['Level: two', '{"level": 1}']);
    expect(a.usage.input).toBe(200);
    const retry = j.requests[1]!.turns;
    expect(retry.map((t) => t.speaker)).toEqual(['customer', 'agent', 'customer']);
    expect(retry[2]!.text).toMatch(/invalid JSON/);
  });

  it('gives up after one repair with the schema error and both raw replies', async () => {
    const j = new FakeJudge(['{"level": 5}', '{"level": 7}', '{"level": 1}']);
    const a = await askJudge(j, { rubric: 'Rate it.', input: 'x', schema });
    expect(a.parsed).toBeNull();
    expect(a.error).toMatch(/schema mismatch/);
    expect(j.requests).toHaveLength(2);
  });

  it('labels the judge by backend id and the hash of the prompt actually sent', () => {
    const j = new FakeJudge([]);
    const l1 = judgeLabel(j, judgeSystemPrompt('Rate it.', schema));
    expect(l1).toMatch(/^judge:fake:judge-1#[0-9a-f]{12}$/);
    expect(judgeLabel(j, judgeSystemPrompt('Rate it!', schema))).not.toBe(l1);
    expect(judgeLabel(j, judgeSystemPrompt('Rate it.', z.object({ level: z.number() })))).not.toBe(l1);
  });
});
