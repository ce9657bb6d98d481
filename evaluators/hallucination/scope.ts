import { escapeRe, squash } from '../nlp/patterns.js';
import type { Claim } from './claims.js';
import { availableAt, type Material, type MaterialRecord } from './material.js';
import type { Val, ValueKind } from './values.js';

/**
 * What a claim is about: the material records its clause (or else its sentence) names, and the material values whose
 * surrounding words share a content word with the clause. Both decide between "supported elsewhere" and
 * "contradicted": an amount stated for a named product must be that product's amount.
 */

const STOP = new Set([
  'your', 'will', 'have', 'from', 'that', 'this', 'with', 'there', 'their', 'about', 'would', 'could', 'should', 'which', 'what', 'when', 'where',
  'been', 'were', 'they', 'them', 'then', 'than', 'also', 'just', 'only', 'into', 'over', 'under', 'after', 'before', 'within', 'once', 'each',
  'days', 'weeks', 'months', 'years', 'hours', 'business', 'working', 'calendar', 'dollars', 'euros', 'pounds', 'cost', 'costs', 'price', 'total',
  'amount', 'number', 'item', 'items', 'order', 'policy', 'customer', 'here', 'help', 'please', 'thank', 'thanks', 'happy', 'sure', 'like',
]);

/** Function words and the verbs every service sentence uses: never what a promise is about. */
export const GENERIC = new Set([
  'your', 'will', 'have', 'from', 'that', 'this', 'with', 'there', 'their', 'about', 'would', 'could', 'should', 'which', 'what', 'when', 'where',
  'been', 'were', 'they', 'them', 'then', 'than', 'also', 'just', 'only', 'into', 'over', 'under', 'after', 'before', 'within', 'once', 'each',
  'here', 'help', 'please', 'thank', 'thanks', 'happy', 'sure', 'like', 'take', 'takes', 'make', 'makes', 'give', 'gives', 'send', 'sent', 'going',
  'arrive', 'arrives', 'receive', 'issue', 'issued', 'process', 'processed', 'come', 'comes', 'back', 'land', 'lands', 'apply', 'applies', 'keep',
  'need', 'want', 'know', 'sorry', 'really', 'right', 'away', 'today', 'policy', 'days', 'business', 'working', 'weeks', 'months', 'hours', 'time',
  'usually', 'always', 'still', 'even', 'because', 'since', 'while', 'both', 'some', 'more', 'very', 'well', 'good', 'great', 'okay',
]);

/** A crude stem: suffixes off, then at most six letters ("cancellation" meets "cancel", "healthy" meets "health"). */
const stem = (w: string): string => {
  const x = w.replace(/(?:ing|ed)$/, '');
  const y = x.length >= 3 ? x : w;
  return y.replace(/s$/, '').replace(/e$/, '').slice(0, 6);
};

/** Content words of four letters or more, stemmed; `reject` drops raw words (promise words, incidentals). */
export function contentWords(text: string, stop: ReadonlySet<string> = STOP, reject?: RegExp): Set<string> {
  return new Set(text.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 4 && !stop.has(w) && !reject?.test(w)).map(stem).filter((w) => w.length >= 3));
}

const nameRes = new Map<string, RegExp>();
function nameRe(name: string): RegExp {
  let re = nameRes.get(name);
  if (!re) {
    re = new RegExp(`(?<![a-z0-9])${escapeRe(name).replace(/\s+/g, '\\s+')}(?![a-z0-9])`, 'i');
    if (nameRes.size > 20_000) nameRes.clear();
    nameRes.set(name, re);
  }
  return re;
}

const nameable = (n: string): boolean => n.length >= 4 || /\d/.test(n);

/** Records available at the claim's turn whose name occurs in its clause, else in its sentence. */
export function namedRecords(c: Claim, m: Material): MaterialRecord[] {
  const avail = m.records.filter(availableAt(c.turn));
  const within = (text: string): MaterialRecord[] => {
    const t = squash(text);
    return avail.filter((rec) => rec.names.some((n) => nameable(n) && t.includes(n.split(/\s+/)[0] ?? n) && nameRe(n).test(t))
      || (rec.aliases ?? []).some((a) => text.includes(a) && new RegExp(`(?<![A-Za-z0-9])${escapeRe(a)}(?![A-Za-z0-9])`).test(text)));
  };
  const inClause = within(c.clause);
  return inClause.length ? inClause : within(c.sentence);
}

export const valsOf = (recs: MaterialRecord[], kind: ValueKind): Val[] => recs.flatMap((r) => r.vals.filter((v) => v.kind === kind));

/** Available values of a kind whose context shares a content word with the claim's clause. */
export function topicVals(c: Claim, vals: Val[]): Val[] {
  const words = contentWords(c.clause);
  if (words.size === 0) return [];
  return vals.filter((v) => [...contentWords(v.context)].some((w) => words.has(w)));
}
