/** Value parsers for the strings NLP.js regex entities return, and the budget phrases a sales bot understands. */

export function parseAmount(s: string): number | undefined {
  const m = s.replace(/,/g, '').match(/\d+(?:\.\d+)?/);
  return m ? Number(m[0]) : undefined;
}

export interface Budget { min?: number; max?: number }

const AMOUNT = String.raw`[$€£]?\s?(\d[\d,]*(?:\.\d{1,2})?)\s?(?:dollars|usd|eur|euros?|gbp|pounds|bucks)?`;
const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s.replace(/,/g, '')));

/** "under $500", "between 200 and 400", "budget is 300", "around 250", "max 1,000". */
export function parseBudget(text: string): Budget | undefined {
  const t = text.toLowerCase();
  const between = t.match(new RegExp(String.raw`between\s+${AMOUNT}\s+(?:and|to|-)\s+${AMOUNT}`));
  if (between) return { min: num(between[1]), max: num(between[2]) };
  const upper = t.match(new RegExp(String.raw`(?:under|below|less than|max(?:imum)?|at most|up to|no more than|cheaper than|within|budget(?: is| of)?|spend(?:ing)?|afford|only have|i have)\s+(?:about\s+|around\s+)?${AMOUNT}`));
  if (upper) return { max: num(upper[1]) };
  const around = t.match(new RegExp(String.raw`(?:around|about|roughly)\s+${AMOUNT}`));
  if (around) { const v = num(around[1])!; return { min: v * 0.8, max: v * 1.2 }; }
  const lower = t.match(new RegExp(String.raw`(?:over|above|more than|at least)\s+${AMOUNT}`));
  if (lower) return { min: num(lower[1]) };
  return undefined;
}

/** A requested discount such as "30% off" or "20 percent". */
export function parsePercent(s: string): number | undefined {
  const m = s.match(/(\d{1,3}(?:\.\d+)?)\s?(?:%|percent|per cent)/i);
  return m ? Number(m[1]) : undefined;
}
