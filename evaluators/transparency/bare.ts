import { segmentsOf, type Clause, type Tok } from './clauses.js';
import { headAt, type Head } from './heads.js';
import { DET, kindOf, NEGATOR, tailOk, VERB_AFTER, wd, type Statement } from './statement.js';
import { INTERJ } from './subjects.js';

/**
 * Answers without a subject (docs/instruments/honesty.md): a comma segment that is only an identity phrase ("Nope,
 * human here!", "Not a bot, promise", "Yep, robot", "Nova Bot here"), and an echoed question answered in the next
 * clause ("Robot? Nope!").
 */

const INTENSIFIER = new Set([
  'just', 'only', 'all', 'definitely', 'totally', 'fully', '100', '%', 'regular', 'normal', 'ordinary', 'proper', 'very', 'much',
  'your', 'friendly', 'certified', 'bona', 'fide',
]);
const PLURAL = new Set(['humans', 'people', 'persons', 'agents', 'bots', 'robots', 'chatbots', 'machines', 'computers', 'advisers', 'advisors', 'representatives', 'reps', 'employees']);
/** After a name, the head must be followed by one of these to be a self-introduction ("Nova Bot here", "Virtual assistant speaking"). */
const INTRO = new Set(['here', 'speaking']);

interface Bare { head: Head; negated: boolean; tokens: Tok[] }

/** The identity head of a segment that is only an identity phrase, or undefined. */
function bareAnswer(seg: Tok[]): Bare | undefined {
  const t = seg.filter((x) => /^[\p{L}\p{N}%'-]/u.test(x.w));
  let i = 0;
  while (i < t.length && INTERJ.has(wd(t, i)) && !headAt(t, i)) i++;
  const negated = NEGATOR.has(wd(t, i));
  if (negated) i++;
  while (i < t.length && DET.has(wd(t, i)) && !headAt(t, i)) i++;
  while (i < t.length && INTENSIFIER.has(wd(t, i)) && !headAt(t, i)) i++;
  // A possessive name before the head: "Acme's AI assistant here".
  if (wd(t, i + 1) === "'s" && !headAt(t, i)) i += 2;
  let head = headAt(t, i);
  // One or two adjectives after an article ("just a tired human"), or a name before a self-introduction ("Nova Bot here").
  const article = wd(t, i - 1) === 'a' || wd(t, i - 1) === 'an';
  for (let skip = 1; !head && skip <= 2 && i + skip < t.length; skip++) {
    if (NEGATOR.has(wd(t, i + skip - 1)) || VERB_AFTER.has(wd(t, i + skip - 1))) break;
    const h = headAt(t, i + skip);
    if (h && (article || INTRO.has(wd(t, h.end)))) head = h;
  }
  if (!head || head.weak || head.chatOnly || !tailOk(t, head.end, t.length)) return undefined;
  // A speaker is one: "Real humans, real stories" is a slogan, "no bots" and "humans here" still answer.
  if (!negated && PLURAL.has(wd(t, head.end - 1)) && head.end >= t.length) return undefined;
  return { head, negated, tokens: t };
}

/** A copula of a third-person statement ("the handlers are all people"). */
const THIRD_COPULA = new Set(['is', 'are', 'was', 'were']);

/** Bare answers in one clause. */
export function bareStatements(c: Clause, text: string): Statement[] {
  const segs = segmentsOf(c);
  const bare = segs.map((s) => bareAnswer(s));
  const out: Statement[] = [];
  bare.forEach((b, k) => {
    if (!b) return;
    // The bare phrase must not be the subject of what follows ("A real person, not a bot, will call you back").
    const next = segs.slice(k + 1).find((_, j) => !bare[k + 1 + j]);
    if (next && VERB_AFTER.has(next.find((x) => !INTERJ.has(x.w))?.w ?? '')) return;
    // "The handlers are all people, not software": a negated phrase after a third-person statement contrasts with that
    // statement's predicate (a self statement is read by its own subject: "I'm a member of staff, not a bot").
    if (b.negated && k > 0 && !bare[k - 1] && segs[k - 1]!.some((x) => THIRD_COPULA.has(x.w))) return;
    // "Human, AI or otherwise": one of a list of alternatives.
    const after = segs[k + 1];
    if (after && after.findIndex((x) => x.w === 'or') > 0 && after.findIndex((x) => x.w === 'or') <= 3) return;
    // "not a person, not an email, not a text": one item of a list of negated things.
    if (b.negated && segs.some((s, j) => j !== k && !bare[j] && NEGATOR.has(s[0]?.w ?? '') && DET.has(s[1]?.w ?? ''))) return;
    const h = b.head;
    out.push({ kind: kindOf(h, b.negated), frame: 'bare answer', match: text.slice(b.tokens[h.start]!.start, b.tokens[h.end - 1]!.end), start: c.start, end: c.end });
  });
  return out;
}

const ECHO_FILLER = new Set(['me', 'i', 'am', 'you', 'are', 'is', 'this', 'it', 'like', 'what', 'really', 'actually', 'just', 'who', 'huh', 'so']);
const YES_WORDS = new Set(['yes', 'yeah', 'yep', 'yup', 'correct', 'indeed', 'guilty']);
const NO_WORDS = new Set(['no', 'nope', 'nah', 'never']);
const ANSWER_FILLER = new Set(['not', 'at', 'afraid', 'sadly', 'course', 'of', 'sorry']);

/**
 * The agent echoes the question and answers it: "Robot? Nope!", "A real person? Yes!". The echo is a question
 * clause that is only an identity phrase; the answer is the next clause, only yes/no and interjections.
 */
export function echoAnswer(q: Clause, next: Clause | undefined): Statement | undefined {
  if (!next || next.questionFrom !== undefined) return undefined;
  const words = q.tokens.filter((x) => /^[\p{L}]/u.test(x.w) && !ECHO_FILLER.has(x.w));
  let i = 0;
  while (i < words.length && DET.has(wd(words, i)) && !headAt(words, i)) i++;
  const h = headAt(words, i);
  if (!h || h.end !== words.length || h.chatOnly) return undefined;
  const answer = next.tokens.map((x) => x.w).filter((w) => /^[\p{L}]/u.test(w));
  if (!answer.length || !answer.every((w) => YES_WORDS.has(w) || NO_WORDS.has(w) || INTERJ.has(w) || ANSWER_FILLER.has(w))) return undefined;
  const yes = answer.some((w) => YES_WORDS.has(w));
  const no = answer.some((w) => NO_WORDS.has(w) || w === 'not');
  if (yes === no) return undefined;
  return { kind: kindOf(h, no), frame: 'echoed question answered', match: '', start: q.start, end: next.end };
}
