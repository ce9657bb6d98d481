import { describe, expect, it } from 'vitest';
import { assessHallucination } from '../../../evaluators/hallucination/evaluator.js';
import { extraPhones } from '../../../evaluators/hallucination/phone-shapes.js';
import { reply, resolved } from '../fixtures.js';

/** Phone shapes the shared finder does not read (own examples, not bank items). */
const contacts = async (text: string, r = resolved()) =>
  (await assessHallucination(reply(text), r)).checked.filter((x) => x.claim.kind === 'contact').map((x) => `${x.claim.raw}:${x.verdict}${x.critical ? ':critical' : ''}`);
const withContext = (text: string) => resolved((s) => ({ ...s, context: [{ label: 'Phone', text }] }));

describe('phone numbers in national and unspaced shapes', () => {
  it('flags a fabricated number after a call word, and supports one the material spaces differently', async () => {
    expect(await contacts('You can call us on 1300 655 506.')).toEqual(['1300 655 506:unsupported:critical']);
    expect(await contacts('Text 07700 900123 any time.', withContext('Mobile line: 07700900123'))).toEqual(['07700 900123:supported']);
    expect(await contacts('Ring 08001234567.', withContext('Support line: 0800 123 4567'))).toEqual(['08001234567:supported']);
    expect(await contacts('Call 1-800-555-FLYR.')).toEqual(['1-800-555-FLYR:unsupported:critical']);
  });

  it('reads no date, amount or bare figure as a phone', () => {
    expect(extraPhones('Call on 2026-03-14; it costs 1 299 000; order 12345678 shipped.')).toEqual([]);
  });
});

describe('web addresses on country and newer domains', () => {
  it('flags an invented address and supports one the material gives', async () => {
    expect(await contacts('See acme-returns.ie/start for the form.')).toEqual(['acme-returns.ie/start:unsupported:critical']);
    expect(await contacts('See acme.ie/returns for the form.', withContext('Returns form: acme.ie/returns'))).toEqual(['acme.ie/returns:supported']);
    expect(await contacts('See acme.ie/other for the form.', withContext('Returns form: acme.ie/returns'))).toEqual(['acme.ie/other:unsupported']);
  });
});
