import { describe, expect, it } from 'vitest';
import { OUTREACH_OPENER, parseArguments, pushMerged, withOpener } from '../../src/providers/turns.js';

describe('withOpener', () => {
  it('adds the placeholder only when the customer has not spoken first', () => {
    expect(withOpener([])).toEqual([{ speaker: 'customer', text: OUTREACH_OPENER }]);
    expect(withOpener([{ speaker: 'agent', text: 'Hi' }])[0]).toEqual({ speaker: 'customer', text: OUTREACH_OPENER });
    expect(withOpener([{ speaker: 'customer', text: 'Hi' }])).toEqual([{ speaker: 'customer', text: 'Hi' }]);
  });
});

describe('pushMerged', () => {
  it('merges consecutive same-role blocks and skips empty ones', () => {
    const m: Array<{ role: string; content: number[] }> = [];
    pushMerged(m, 'user', [1]);
    pushMerged(m, 'user', [2]);
    pushMerged(m, 'assistant', []);
    pushMerged(m, 'assistant', [3]);
    expect(m).toEqual([{ role: 'user', content: [1, 2] }, { role: 'assistant', content: [3] }]);
  });
});

describe('parseArguments', () => {
  it('parses objects; keeps anything else verbatim for the tool layer to reject', () => {
    expect(parseArguments('{"a":1}')).toEqual({ a: 1 });
    expect(parseArguments('')).toEqual({});
    expect(parseArguments('[1]')).toEqual({ _unparsedArguments: '[1]' });
    expect(parseArguments('{oops')).toEqual({ _unparsedArguments: '{oops' });
  });
});
