import { describe, expect, it } from 'vitest';
import { knownModelNames, modelNameWarnings, nearestModelName, tableKnows } from '../../src/plan/model-names.js';
import { modelSpecFromEntry } from '../../src/schema/model-spec.js';

const warn = (entry: Parameters<typeof modelSpecFromEntry>[0]): string[] => modelNameWarnings([modelSpecFromEntry(entry)]);

describe('model names against the price table', () => {
  it('reads the vendor names from the bundled table', () => {
    expect(knownModelNames('openai')).toContain('gpt-4o-mini');
    expect(knownModelNames('anthropic').length).toBeGreaterThan(5);
    expect(tableKnows('openai', 'gpt-4o-mini')).toBe(true);
    expect(tableKnows('openai', 'gpt-4o-mni')).toBe(false);
  });

  it('the nearest name is close or nothing', () => {
    expect(nearestModelName('gpt-4o-mni', knownModelNames('openai'))).toBe('gpt-4o-mini');
    expect(nearestModelName('something-else-entirely', knownModelNames('openai'))).toBeUndefined();
  });

  it('warns for a vendor name the table does not know, with the nearest and what it means for the price', () => {
    expect(warn('openai:gpt-4o-mini')).toEqual([]);
    const [w] = warn('openai:gpt-4o-mni');
    expect(w).toMatch(/^model openai:gpt-4o-mni is not in the price table \(@pydantic\/genai-prices@[\d.]+\): did you mean openai:gpt-4o-mini\? If the name is right, its price is unknown/);
    expect(warn({ id: 'openai:gpt-4o-mni', prices: { input: 1, output: 2 } })[0]).toContain('Its price comes from the model entry.');
    expect(warn('openai:zzzz-unheard-of-model')[0]).toContain('no known openai model has a similar name');
  });

  it('does not check local servers or the rules arm', () => {
    expect(warn('rules')).toEqual([]);
    expect(warn({ id: 'openai-compatible:llama3.1', baseUrl: 'http://127.0.0.1:11434/v1' })).toEqual([]);
  });
});
