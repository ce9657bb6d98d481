/**
 * Nouns a count may be stated under: the customer's "bags" are the brief's "pieces of checked luggage", "people" are
 * "guests" or "adults" and "children", "payments" are "instalments". A count is bound to a material number when the
 * number stands before a noun of the same group. Kept as a list so a reviewer can read it.
 */
const GROUPS: readonly string[][] = [
  ['bag', 'luggage', 'baggage', 'suitcase', 'case', 'piece', 'holdall', 'carry-on'],
  ['people', 'person', 'guest', 'traveller', 'traveler', 'passenger', 'adult', 'child', 'children', 'kid', 'visitor', 'pax', 'head', 'occupant', 'member'],
  ['device', 'phone', 'tablet', 'laptop', 'gadget', 'handset', 'computer', 'console', 'screen'],
  ['user', 'licence', 'license', 'seat', 'login'],
  ['gb', 'gigabyte', 'gig'], ['mb', 'megabyte'], ['tb', 'terabyte'],
  ['ticket', 'pass', 'entry', 'entries', 'admission'],
  ['session', 'class', 'lesson', 'visit', 'appointment', 'treatment'],
  // "12 monthly payments" over "12 months".
  ['payment', 'instalment', 'installment', 'repayment', 'month'],
  ['screen', 'stream'],
  ['text', 'sms', 'message'],
  ['item', 'product', 'thing', 'article'],
  ['room', 'bedroom'],
  ['night', 'stay'],
];

/** The first five letters of a noun without its plural ending: what a material word must start with. */
export const nounStem = (noun: string): string => noun.toLowerCase().replace(/ies$|(?<=[^aeiou])y$/, '').replace(/(?:(?<=[sxz]|ch|sh)es|(?<!s)s)$/, '').slice(0, 5);

/** Stems of the noun and of every noun grouped with it. */
export function nounStems(noun: string): string[] {
  const own = nounStem(noun);
  const out = new Set([own]);
  for (const g of GROUPS) if (g.some((w) => nounStem(w) === own)) for (const w of g) out.add(nounStem(w));
  return [...out].filter((x) => x.length >= 2);
}
