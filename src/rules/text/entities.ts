/** Value parsers for the strings NLP.js regex entities return, and the budget phrases a sales bot understands. */

export function parseAmount(s: string): number | undefined {
  const m = s.replace(/,/g, '').match(/\d+(?:\.\d+)?/);
  return m ? Number(m[0]) : undefined;
}

export interface Budget { min?: number; max?: number }

const NUM = String.raw`(\d[\d,]*(?:\.\d{1,2})?)`;
const CUR_WORD = String.raw`(?:dollars|usd|eur|euros?|gbp|pounds|bucks)`;
/** A money amount: a currency sign or word must be there ("$250", "250 dollars"). */
const MONEY = String.raw`(?:[$€£]\s?${NUM}|${NUM}\s?${CUR_WORD}\b)`;
/** A bare number that is not a count of something else ("under 200" yes, "under 10 users" no). */
const BARE = String.raw`[$€£]?\s?${NUM}(?!\d|[.,]\d)(?!\s*(?:%|percent|days?|weeks?|months?|years?|hours?|h\b|mins?\b|minutes?|users?|seats?|people|persons?|members?|employees?|items?|pieces?|gb|mb|kg|km|miles?|points?))\s?${CUR_WORD}?`;

const num = (m: RegExpMatchArray, from = 1): number | undefined => {
  const v = m.slice(from).find((x) => x !== undefined);
  return v === undefined ? undefined : Number(v.replace(/,/g, ''));
};

/** "under $500", "between 200 and 400 dollars", "budget is about 300", "around $250", "max 1,000". */
export function parseBudget(text: string): Budget | undefined {
  const t = text.toLowerCase();
  const between = t.match(new RegExp(String.raw`between\s+${BARE}\s+(?:and|to|-)\s+${BARE}`));
  if (between?.[1] && between[2]) return { min: Number(between[1].replace(/,/g, '')), max: Number(between[2].replace(/,/g, '')) };
  const budget = t.match(new RegExp(String.raw`(?:budget(?: is| of)?|spend(?:ing)?|afford|only have)\s+(?:about\s+|around\s+|roughly\s+|up to\s+)?${BARE}`));
  if (budget) return { max: num(budget) };
  const upper = t.match(new RegExp(String.raw`(?:under|below|less than|max(?:imum)?|at most|up to|no more than|cheaper than)\s+${BARE}`));
  if (upper) return { max: num(upper) };
  const around = t.match(new RegExp(String.raw`(?:around|about|roughly)\s+${MONEY}`));
  if (around) { const v = num(around)!; return { min: v * 0.8, max: v * 1.2 }; }
  const lower = t.match(new RegExp(String.raw`(?:over|above|more than|at least)\s+${MONEY}`));
  if (lower) return { min: num(lower) };
  return undefined;
}

/** A requested discount such as "30% off" or "20 percent". */
export function parsePercent(s: string): number | undefined {
  const m = s.match(/(\d{1,3}(?:\.\d+)?)\s?(?:%|percent|per cent)/i);
  return m ? Number(m[1]) : undefined;
}
