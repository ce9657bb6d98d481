/**
 * Tokenising for the rule bots' own retrieval and keyword counting. Deliberately simple and self-contained: a keyword
 * tool in production has its own stop list and a crude stemmer, and its behaviour must not drift with a library.
 */

/** English function words plus chat filler; content words (even "order", "price") stay in. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'above', 'after', 'again', 'all', 'also', 'am', 'an', 'and', 'any', 'are', 'as', 'at', 'be', 'been',
  'before', 'being', 'both', 'but', 'by', 'can', 'could', 'did', 'do', 'does', 'doing', 'done', 'down', 'during', 'each',
  'else', 'even', 'ever', 'every', 'few', 'for', 'from', 'further', 'get', 'got', 'had', 'has', 'have', 'having', 'he',
  'her', 'here', 'hers', 'him', 'his', 'how', 'i', 'if', 'im', 'in', 'into', 'is', 'it', 'its', 'just', 'like', 'me',
  'might', 'more', 'most', 'much', 'must', 'my', 'myself', 'no', 'nor', 'not', 'now', 'of', 'off', 'ok', 'okay', 'on',
  'once', 'only', 'or', 'other', 'our', 'ours', 'out', 'over', 'own', 'please', 'pls', 'really', 'same', 'she',
  'should', 'so', 'some', 'still', 'such', 'than', 'that', 'the', 'their', 'them', 'then', 'there', 'these', 'they',
  'this', 'those', 'through', 'to', 'too', 'under', 'until', 'up', 'us', 'very', 'want', 'was', 'way', 'we', 'were',
  'what', 'when', 'where', 'which', 'while', 'who', 'whom', 'why', 'will', 'with', 'would', 'yes', 'yet', 'you',
  'your', 'yours', 'hi', 'hello', 'hey', 'thanks', 'thank', 'dont', 'didnt', 'doesnt', 'cant', 'wont', 'isnt',
  'wasnt', 'ive', 'id', 'ill', 'youre', 'thats', 'theres', 'lets', 'one', 'two', 'would', 'need', 'know', 'make',
  'go', 'going', 'gonna', 'wanna', 'new', 'use', 'via', 'per', 'etc', 'let', 'put', 'take', 'see', 'think',
]);

/** Crude suffix stripping: enough to fold plurals and common verb forms ("delivered", "deliveries" -> "deliver"). */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  for (const suf of ['ingly', 'edly', 'ing', 'ed', 'ly', 'ment', 'er']) {
    if (w.endsWith(suf) && w.length - suf.length >= 4) { w = w.slice(0, -suf.length); break; }
  }
  if (w.endsWith('y') && w.length > 4) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  // "shipp" (from "shipping") and "ship" should meet.
  if (w.length > 4 && w.at(-1) === w.at(-2) && !'lsz'.includes(w.at(-1) ?? '')) w = w.slice(0, -1);
  return w;
}

/** Lower-case word tokens; apostrophes dropped so "don't" and "dont" meet. */
export function words(text: string): string[] {
  return text.toLowerCase().replace(/['’]/g, '').match(/[a-z0-9]+/g) ?? [];
}

/** Stemmed content tokens (stop words and one-letter tokens removed). */
export function terms(text: string, stop: ReadonlySet<string> = STOP_WORDS): string[] {
  return words(text).filter((w) => w.length > 1 && !stop.has(w)).map(stem);
}

/** Sentences, for step lists and policy excerpts. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z0-9"“(])/).map((s) => s.trim()).filter(Boolean);
}

/** FNV-1a, for cache keys over text content (not security). */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
