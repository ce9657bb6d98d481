import { squash } from '../nlp/patterns.js';
import { deriveMoney } from './arithmetic.js';
import { avail, bad, customerSaid, none, numberOf, ok, same, show, type Result, type TurnScope } from './check.js';
import type { Claim } from './claims.js';
import { nounStems } from './count-words.js';
import { listSizes } from './lists.js';
import { availableAt } from './material.js';
import type { Val } from './values.js';

/**
 * Counts ("2 checked bags", "three devices", "10GB"). Supported when the material counts the same thing (the same
 * noun or one grouped with it: "two pieces of checked luggage" for "2 bags"), the customer said the number, it
 * follows by one step from such counts ("2 adults + 2 children" for "4 people"), the reply counts the list it gives
 * ("two plans: Basic and Premium"), the customer listed that many things ("a laptop, a tablet and a phone" for
 * "all three devices"), or the material has that many records of the thing ("we have two plans" over two catalog
 * plans). Contradicted when the material counts the thing differently.
 */

/** A sentence about what is on offer: "we have two plans", "there are three sizes", "it comes in 3 colours". */
const RANGE = /\b(?:we (?:have|offer|stock|sell|carry|do)|there (?:are|'re)|choose from|comes? in|available in|range of)\b/i;

type CountClaim = Extract<Claim, { kind: 'count' }>;

const afterRes = new Map<string, RegExp>();
/** The noun right after a material number: "2 checked bags", "two pieces of checked luggage". */
function nounAfter(stem: string): RegExp {
  let re = afterRes.get(stem);
  if (!re) { re = new RegExp(`^[\\s-]*(?:[a-z-]+\\s+){0,2}?(?:of\\s+(?:[a-z-]+\\s+)?)?${stem}`, 'i'); afterRes.set(stem, re); }
  return re;
}

export function checkCount(cc: CountClaim, s: TurnScope): Result {
  const stems = nounStems(cc.noun);
  const numbers = avail(s, cc, 'number');
  // Bound to the same noun: "2 checked bags" in a text, or a field named for it ("free_bags": 2, "number of seats").
  const bound = numbers.filter((x) => (x.after === undefined ? stems.some((st) => x.context.toLowerCase().includes(st)) : stems.some((st) => nounAfter(st).test(x.after!))));
  const said = customerSaid(s, cc, cc.value, 'number');
  if (said) return ok('the customer said this number', said.ref);
  // "10k points" in the material is 10,000.
  const hit = bound.find((x) => same(numberOf(x), cc.value) || (x.after !== undefined && /^k\b/i.test(x.after) && same(numberOf(x) * 1000, cc.value)));
  if (hit) return ok(`the material counts ${cc.value} ${cc.noun}`, hit.ref);
  const d = deriveMoney(cc.value, { anchors: bound.map(numberOf), global: [], comparative: false, percents: [], statedPercents: [], counts: [], additive: false }) ?? sumOfOneSource(cc.value, bound);
  if (d) return ok(`derived: ${d}`);
  const nights = nightsBetween(cc, s);
  if (nights) return ok(`derived: ${nights}`);
  if (cc.listed === cc.value) return ok(`the reply lists the ${cc.value} ${cc.noun} it counts`);
  if (bound.length) return bad(`the material gives ${show(bound)} for ${cc.noun}`, bound[0]!.ref);
  const customerList = s.m.segments.find((seg) => seg.origin === 'customer' && availableAt(cc.turn)(seg) && listSizes(seg.text).includes(cc.value));
  if (customerList) return ok(`the customer listed ${cc.value} things`, customerList.ref);
  if (cc.value >= 3 && listSizes(cc.sentence).includes(cc.value)) return ok(`the sentence lists the ${cc.value} ${cc.noun} it counts`);
  if (RANGE.test(cc.sentence)) {
    const own = stems[0]!;
    const records = s.m.records.filter((r) => availableAt(cc.turn)(r) && r.ref.startsWith('catalog:') && r.names.some((n) => squash(n).split(/[^a-z0-9]+/).some((w) => w.startsWith(own))));
    if (cc.value >= 2 && records.length === cc.value) return ok(`the catalog has ${cc.value} ${cc.noun}`, records[0]!.ref);
  }
  return none(`no count of ${cc.noun} in the material`);
}

/** The numbers one source gives for the counted thing, summed ("2 adults + 2 children" = 4 people). */
function sumOfOneSource(v: number, bound: Val[]): string | undefined {
  const byRef = new Map<string, Val[]>();
  for (const x of bound) byRef.set(x.ref, [...(byRef.get(x.ref) ?? []), x]);
  for (const xs of byRef.values()) {
    const total = xs.reduce((a, x) => a + numberOf(x), 0);
    if (xs.length >= 2 && same(total, v)) return `${v} = ${xs.map((x) => String(x.v)).join(' + ')}`;
  }
  return undefined;
}

const STAY = /\b(?:check[- ]?in|check[- ]?out|arriv\w*|depart\w*|stay\w*|nights?|hire|rental|pick[- ]?up|drop[- ]?off|booking|reservation)\b/i;

/** Nights or days between two dates one source gives ("check-in 12 May, check-out 15 May" is 3 nights). */
function nightsBetween(cc: CountClaim, s: TurnScope): string | undefined {
  if (!/^(?:nights?|days?)$/.test(cc.noun)) return undefined;
  const bySource = new Map<string, string[]>();
  for (const x of avail(s, cc, 'date')) if (/^\d{4}-\d{2}-\d{2}$/.test(String(x.v)) && x.ref !== 'now') bySource.set(x.ref, [...(bySource.get(x.ref) ?? []), String(x.v)]);
  const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  // Only a stay or a hire: an order's placed and expected dates count no nights.
  const stay = (ref: string): boolean => s.m.segments.some((x) => x.ref === ref && STAY.test(x.text));
  for (const [ref, ds] of bySource) if (stay(ref)) for (const a of ds) for (const b of ds) if (day(b) - day(a) === cc.value) return `${cc.value} ${cc.noun} = ${a} to ${b}`;
  return undefined;
}
