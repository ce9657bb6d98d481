/**
 * Lists in text, for counts that count them: "All three devices" after the customer's "a laptop, a tablet and a
 * phone"; "two plans: Basic and Premium" or "the 3 options:" followed by three bullet lines. A count of the items a
 * list names claims nothing beyond the items themselves (which are checked on their own).
 */

const ITEM_WORDS = 6;
const words = (s: string): number => s.trim().split(/\s+/).filter(Boolean).length;
/** A conjunct that is a thing: it starts with a determiner, a possessive or a number ("the scarf", "my phone"). */
const THING = /^(?:(?:the|a|an|my|our|his|her|their|your|one|two|three|\d+)\s+\S|(?:me|myself|I)\b)/i;

/** Sizes of the lists a text names ("a laptop, a tablet and a phone" -> 3; "the scarf and the hat" -> 2). */
export function listSizes(text: string): number[] {
  const out: number[] = [];
  for (const sentence of text.split(/(?<=[.!?;:])\s+|\n+/)) {
    for (const m of sentence.matchAll(/,?\s+(?:and|or|&|plus)\s+([^,.;:!?]+)/gi)) {
      const before = sentence.slice(0, m.index);
      const parts = before.split(/,\s*/);
      // The parts before the last conjunction, walking back while each is short; the first may carry the verb.
      let n = 1;
      for (let i = parts.length - 2; i >= 0 && words(parts[i + 1]!) <= ITEM_WORDS; i--) n++;
      const last = parts.at(-1)!.trim();
      const lastItem = last.split(/\s+/).slice(-ITEM_WORDS).join(' ');
      const size = n + 1;
      if (size >= 3) out.push(size);
      else if (THING.test(m[1]!.trim()) && (THING.test(lastItem) || /\b(?:the|a|an|my|our|your|\d+)\s+\S+(?:\s+\S+)?$|\b(?:me|I)$/i.test(last))) out.push(2);
    }
  }
  return out;
}

/** The size of a list right after a count: inline after a colon or a dash, or as bullet or numbered lines. */
export function listAfter(text: string, end: number): number | undefined {
  const rest = text.slice(end);
  const lead = /^[^\n:.!?()—–]{0,40}?(?::|\(|\s[—–-]\s)[ \t]*/.exec(rest);
  if (!lead) return undefined;
  const tail = rest.slice(lead[0].length);
  if (/^\s*\n/.test(tail) || tail === '') {
    const lines = tail.replace(/^\s*\n/, '').split('\n');
    let n = 0;
    for (const l of lines) { if (/^\s*(?:[-*•]|\d+[.)])\s+\S/.test(l)) n++; else break; }
    return n >= 2 ? n : undefined;
  }
  const inline = /^[^.!?)\n]+/.exec(tail)?.[0] ?? '';
  const items = inline.split(/,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+/).map((x) => x.trim()).filter(Boolean);
  return items.length >= 2 && items.every((x) => words(x) <= ITEM_WORDS) ? items.length : undefined;
}
