import { describe, expect, it } from 'vitest';
import { loadSuite } from '../../src/plan/suite.js';
import { ASSUMED_REPLY_TOKENS, estimateRun } from '../../src/run/estimate.js';

describe('estimateRun', () => {
  it('counts one agent call per scripted customer turn and prices them from the table', () => {
    const suite = loadSuite('tests/fixtures/suite/config.yaml', { models: ['rules', 'openai:gpt-4o-mini'] });
    const [rules, gpt] = estimateRun(suite);
    expect(rules).toMatchObject({ model: 'rules', cells: 5, calls: 0, costExpectedUsd: 0 });
    // tst-return: 4 variants x 2 customer turns; tst-offer: 1 turn
    expect(gpt!.calls).toBe(9);
    expect(gpt!.outputTokensExpected).toBe(9 * ASSUMED_REPLY_TOKENS);
    expect(gpt!.outputTokensMax).toBe(9 * suite.config.maxOutputTokens);
    expect(gpt!.costMaxUsd!).toBeGreaterThan(gpt!.costExpectedUsd!);
    expect(gpt!.priceSource).toContain('genai-prices');
  });

  it('shows an unknown price as unknown, never as $0', () => {
    const suite = loadSuite('tests/fixtures/suite/config.yaml', { models: ['openai-compatible:local'], baseUrl: 'http://127.0.0.1:1/v1' });
    expect(estimateRun(suite)[0]!.costExpectedUsd).toBeNull();
  });
});
