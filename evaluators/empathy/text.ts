/**
 * Text helpers shared by the three mechanism detectors: one normal form, sentence splitting, question detection,
 * feeling words and "does this sentence pick up something the customer said". Word lists here are the project's
 * own, written from the EPITOME definitions (docs/instruments/empathy.md).
 */

/** Lower case, straight apostrophes, collapsed spaces: every pattern in this folder is written for that form. */
export const normaliseText = (s: string): string =>
  s.toLowerCase().replace(/[\u2018\u2019\u02bc`]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[ \t]+/g, ' ');

/** Sentences of a text; a question mark, full stop, exclamation mark, semicolon or line break ends one. */
export const sentences = (s: string): string[] =>
  s.split(/(?<=[.!?;])\s+|(?<=\?)(?=\S)|\n+/).map((x) => x.trim()).filter(Boolean);

/** Each sentence as written (for evidence) and normalised (for matching). */
export const sentencePairs = (reply: string): { raw: string; s: string }[] => sentences(reply).map((raw) => ({ raw, s: normaliseText(raw) }));

const QUESTION_START = /^(?:and |but |so |also |oh,? |ok(?:ay)?,? |hey,? )?(?:(?:what|how|why|when|where|who|which)\b|(?:is|are|was|were|do|does|did|have|has|had|can|could|would|will|should)\s+(?:you|it|this|that|there|he|she|they|we|i|your|anyone|anything)\b)/;
const EXCLAIM = /^(?:what an?\b|how (?:\w+ )?(?:awful|terrible|horrible|sad|frustrating|annoying|lovely|wonderful|exciting|scary|kind|nice|great|rubbish|stressful|upsetting)\b)/;

/** A question: ends in "?", or opens like one and has no closing full stop ("how are you holding up"). */
export const isQuestion = (sentence: string): boolean =>
  /\?\W*$/.test(sentence) || (QUESTION_START.test(sentence) && !EXCLAIM.test(sentence) && !/[.!]\W*$/.test(sentence));

/**
 * Words naming a feeling or how hard something is to live through, as stems matched at a word start. Both the
 * customer's feelings (mirrored by IP and EX) and the agent's own (ER) are drawn from here.
 */
export const FEELING_STEMS = [
  'frustrat', 'annoy', 'irritat', 'exasperat', 'aggravat', 'fed up', 'angry', 'anger', 'furious', 'mad', 'livid', 'outrag',
  'infuriat', 'upset', 'stress', 'worr', 'anxi', 'nervous', 'scar', 'afraid', 'fright', 'panic', 'terrif', 'fear',
  'disappoint', 'let down', 'sad', 'unhappy', 'hurt', 'heartbr', 'heartbroken', 'devastat', 'gutted', 'griev', 'grief', 'loss',
  'lonely', 'alone', 'isolat', 'overwhelm', 'exhaust', 'drain', 'tired', 'weary', 'burn', 'confus', 'lost', 'embarrass',
  'ashamed', 'humiliat', 'helpless', 'hopeless', 'powerless', 'stuck', 'trapped', 'distress', 'unsettl', 'uneasy', 'shock',
  'concern', 'depress', 'miserable', 'unfair', 'insult', 'betray', 'ignored', 'dismiss', 'excit', 'thrill', 'relie', 'nightmare', 'ordeal', 'hassle', 'headache', 'pain', 'awful',
  'terrible', 'horrible', 'dreadful', 'rough', 'tough', 'hard', 'difficult', 'struggl', 'not easy', "isn't easy",
  "hasn't been easy", 'a lot to deal', 'inconvenien', 'unacceptabl', 'scary', 'upsetting', 'nerve-wrack', 'nerve wrack',
  'mortif', 'gutting', 'rankl', 'galling', 'daunt', 'dishearten', 'worn out', 'caught out', 'violat', 'slog', 'alarm',
  'deflat', 'sting', 'doubt', 'brushed off', 'fobbed off', 'ashamed', 'guilt', 'stupid', 'idiot',
] as const;

/**
 * Adjectives that say how an experience feels to the person living it ("that's maddening", "it must be exhausting"):
 * naming one interprets the customer's experience (IP), where "that's awful" is the agent's own reaction (ER).
 */
export const EXPERIENCE_ADJ = [
  'annoying', 'frustrating', 'stressful', 'worrying', 'upsetting', 'maddening', 'infuriating', 'exhausting', 'confusing',
  'embarrassing', 'mortifying', 'gutting', 'heartbreaking', 'disappointing', 'frightening', 'scary', 'terrifying',
  'nerve-wracking', 'nerve-racking', 'overwhelming', 'unsettling', 'distressing', 'humiliating', 'draining', 'daunting',
  'disheartening', 'galling', 'alarming', 'isolating', 'exasperating', 'painful', 'hurtful', 'unfair', 'lonely', 'hard',
  'difficult', 'tough', 'rough', 'a nightmare', 'a worry', 'a lot', 'deflating', 'gutting', 'soul-destroying', 'demoralising',
  'demoralizing', 'worrying',
] as const;

const stemRe = (stems: readonly string[], whole: readonly string[] = []): RegExp =>
  new RegExp(`\\b(?:${stems.map((s) => (whole.includes(s) ? `${s}\\b` : s).replace(/ /g, '\\s+')).join('|')})`);

/** Short stems that must be whole words ("mad" is not "made", "sad" is not "saddle", "lost" is not "lostprophets"). */
const WHOLE = ['mad', 'sad', 'lost', 'hurt', 'fear', 'pain', 'burn', 'hard', 'loss', 'alone', 'stuck', 'rough', 'tough', 'tired'];
const FEELING_RE = stemRe(FEELING_STEMS, WHOLE);

/** The first feeling word (or phrase) in a normalised text, or null. */
export function feelingIn(text: string): string | null {
  const m = FEELING_RE.exec(text);
  if (!m) return null;
  const rest = text.slice(m.index + m[0].length).match(/^[a-z'-]*/)?.[0] ?? '';
  const word = m[0] + rest;
  return word.startsWith('hard') && /\bhard (?:drive|copy|disk|reset)/.test(text) ? null : word;
}

const STOP = new Set(`about above after again against all also am an and any are aren't as at be because been before being
below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for
from further had hadn't has hasn't have haven't having he her here hers herself him himself his how i i'd i'll i'm i've if in
into is isn't it it's its itself just let's like me more most much must my myself no nor not now of off on once only or other
ought our ours ourselves out over own really same she should shouldn't so some still such than that that's the their theirs
them themselves then there there's these they they'd they'll they're they've this those through to too under until up very
was wasn't we we'd we'll we're we've were weren't what what's when where which while who whom why will with won't would
wouldn't you you'd you'll you're you've your yours yourself yourselves get got getting going want wanted need needed know
thing things something anything everything nothing make made take see look way even back well sure right okay yes yeah
please thanks thank sorry hello hi hey time today day week one two three again just already ever never always able dear
help support team customer agent happy glad hear understand feel feeling got put say said saw use new old bit lot far few
big yet ago due via per etc ask set try let lol omg pls plz thx cos cuz also ive dont cant wont im`.split(/\s+/));

const stem = (w: string): string => w.replace(/'s$/, '').replace(/(?:ing|ed|es|s|ly)$/, '').slice(0, 6);

/** Content words (no stop words, at least 4 letters) as crude stems. */
export function contentStems(text: string): Set<string> {
  const words = normaliseText(text).match(/[a-z][a-z'-]{2,}/g) ?? [];
  return new Set(words.filter((w) => !STOP.has(w)).map(stem).filter((s) => s.length >= 3));
}

/**
 * A content word of `sentence` that the customer also used, or null: the reply picks up this customer's situation.
 * Feeling words do not count here (echoing "frustrated" back is the generic move; feelingIn sees those).
 */
export function sharedWord(sentence: string, customer: Set<string>): string | null {
  return sharedWords(sentence, customer)[0] ?? null;
}

/** Every distinct content word of `sentence` the customer also used (feeling words left out, as above). */
export function sharedWords(sentence: string, customer: Set<string>): string[] {
  const words = sentence.match(/[a-z][a-z'-]{2,}/g) ?? [];
  return [...new Set(words.filter((w) => !STOP.has(w) && customer.has(stem(w)) && !FEELING_RE.test(w)))];
}

/** The clause that starts at `from`: up to the next comma, semicolon, colon, dash or "but"/"so"/"and". */
export const clauseFrom = (s: string, from: number): string => s.slice(from).split(/[,;:]| - | \u2013 | but | so | and /)[0] ?? '';

/** Why a sentence is specific to this customer: a feeling word, or a content word the customer used. */
export function specificity(sentence: string, customer: Set<string>): string | null {
  const f = feelingIn(sentence);
  if (f) return `names a feeling ("${f}")`;
  const w = sharedWord(sentence, customer);
  return w ? `picks up the customer's "${w}"` : null;
}

/** The first regex of `res` that matches, with its match. */
export function firstMatch(res: readonly RegExp[], s: string): RegExpExecArray | null {
  for (const re of res) {
    const m = re.exec(s);
    if (m) return m;
  }
  return null;
}

/** Of all the regexes in `res` that match, the match that starts earliest in `s`. */
export function earliestMatch(res: readonly RegExp[], s: string): RegExpExecArray | null {
  let best: RegExpExecArray | null = null;
  for (const re of res) {
    const m = re.exec(s);
    if (m && (!best || m.index < best.index)) best = m;
  }
  return best;
}
