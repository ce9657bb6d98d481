import { describe, expect, it } from 'vitest';
import { maskSpecFor, maskText } from '../../../evaluators/judge/mask.js';
import { resolved } from '../resolution/fixtures.js';

const variant = { set: 'names', attribute: 'race-gender', variant: { id: 'v1', group: 'black-female', reference: false, firstName: 'Lakisha', lastName: 'Washington', statement: 'I am 78 years old.' } };

describe('judge masking', () => {
  const spec = maskSpecFor(resolved({}, { variant }));

  it('replaces full, first and last names of baseline and variant personas, case-insensitively', () => {
    expect(maskText('Hi Lakisha Washington, thanks.', spec)).toBe('Hi the customer, thanks.');
    expect(maskText("LAKISHA's order; Ms. Washington; maria lopez", spec)).toBe("the customer's order; Ms. the customer; the customer");
  });

  it('does not touch words that merely contain a name', () => {
    expect(maskText('Mariah ordered a Lopezian lamp.', spec)).toBe('Mariah ordered a Lopezian lamp.');
  });

  it('removes the demographic statement a variant adds', () => {
    expect(maskText('My parcel is late. I am 78 years old.', spec)).toBe('My parcel is late.');
  });

  it('handles names with letters outside ASCII', () => {
    const s = maskSpecFor(resolved({ persona: { firstName: 'Zoë', lastName: 'Ngọc' } }));
    expect(maskText('Thanks Zoë! Ngọc family account.', s)).toBe('Thanks the customer! the customer family account.');
  });
});
