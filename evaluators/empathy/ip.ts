import { NONE, asWritten, type Detector, type Finding } from './mechanism.js';
import { EXPERIENCE_ADJ, clauseFrom, contentStems, earliestMatch, feelingIn, firstMatch, isQuestion, sentencePairs, sharedWord, sharedWords } from './text.js';

/**
 * IP, interpretations: the agent shows it has understood what the customer feels or has been through. 2 when it
 * states an inferred feeling or experience ("that must be really stressful", "it sounds like you've been passed
 * from team to team", "no wonder you're upset", "being charged for leaving is galling"); 1 when the acknowledgement
 * is generic ("I understand", "I know how you feel", "I get why that's annoying", "that makes sense").
 */

const ADV = '(?:so |really |very |incredibly |truly |just |pretty |quite |absolutely |utterly |completely |totally |extremely |such )?';

/** Frames that infer a state: specific (level 2) when the sentence carries a feeling word; otherwise not IP. */
const INFER_FEELING = [
  /\b(?:must|would|could|can|might|will) (?:\w+ )?(?:be|have been|feel|have felt|get|make you|leave you|seem)\b/,
  /\b(?:that|this|it|which|you) (?:\w+ )?(?:sounds?|seems?) (?!good|great|fine|perfect|like a plan|right|correct|ok|okay)/,
  /\bi know (?:this|that|it|how|you) (?:\w+ ){0,3}?(?:is|are|has been|hasn't been|have been|haven't been|isn't|was|wasn't|can be|must be|feel|felt)\b/,
  /\bi (?:can )?(?:only |just |really )?(?:imagine|tell)\b|\bi can'?t (?:even )?imagine\b/,
  /\byou(?:'ve| have) (?:\w+ )?been (?:through|dealing|going through|left|put through)\b/,
  /\b(?:that|this|it) (?:really )?(?:feels|felt)\b/,
];

/** Frames that infer on their own. */
const INFER_ALONE = [
  /\b(?:no wonder|of course|naturally|it'?s no surprise) (?:you|your)\b/,
  /\b(?:drive|make|leave|send) anyone (?:\w+ )?(?:mad|crazy|angry|furious|frustrated|upset|up the wall|round the bend)\b/,
  /\bmakes? you (?:\w+ )?(?:doubt|wonder|question|feel|want|worry|think twice)/,
  /\b(?:anyone|anybody|everyone|any of us) (?:would|'d) (?:\w+ )?(?:be|feel|have been|have felt)\b/,
  /\byou (?:have|had) every (?:right|reason) to (?:be|feel)\b/,
  /\b(?:must|would|could|can|might) (?:\w+ )?(?:feel|have felt) like\b|\bmust have felt\b/,
  /\bmakes? (?:it|you|things|everything) feel\b/,
  /\b(?:it'?s|it is|that'?s|that is) (?:\w+ )?(?:natural|normal|understandable|only human|fair|reasonable|no surprise) (?:to (?:feel|be|want|think|worry)|that you|you)\b/,
  /\bmakes (?:total |complete |perfect )?sense (?:that )?you(?:'re|'ve|'d| are| have| feel| would| want)/,
  /\b(?:sounds|seems) (?:like|as if|as though) (?:you|your|what you|it'?s|it has|this has|that has|things|everything|there'?s)\b(?: \S+){3,}/,
];

/** "<what happened to the customer> is maddening": names how the experience feels (see experienceClause). */
const EXPERIENCE = new RegExp(`\\b(?:is|was|are|were|'s|be|been|feels?|felt|sounds?|seems?|gets?) (?:\\w+ )?${ADV}(?:${EXPERIENCE_ADJ.join('|')})\\b`);
const BARE_SUBJECT = /^(?:(?:oh|ah|aw+|ugh|yes|no|sorry|well|i know|i understand|i get it|i see|totally|honestly)[,!]? )*(?:i (?:\w+ )?(?:understand|get|see|know|appreciate) (?:why |how |that )?)?(?:that|it|this|which|these|those|they|things)$/;

/**
 * An experience adjective counts as an interpretation when its subject describes the customer's situation ("having
 * your card declined at the till is mortifying") or the sentence goes on to spell it out; "that's annoying" alone is
 * the agent's reaction (ER), not an interpretation.
 */
function experienceClause(s: string, customer: Set<string>): string | null {
  const m = EXPERIENCE.exec(s);
  if (!m) return null;
  const before = s.slice(0, m.index).split(/[,;:!]| - /).pop()!.trim();
  if (!BARE_SUBJECT.test(before) && before.split(' ').length >= 2) return m[0];
  const after = s.slice(m.index + m[0].length);
  return sharedWords(after, customer).length >= 2 || after.split(' ').length >= 8 ? m[0] : null;
}

/** Reflections: a statement that sums up the customer's situation (level 2 only if it picks up their words). */
const REFLECT = [
  /^(?:so|okay so|ok so|right,? so|alright,? so),? (?:\w+ ){0,4}?(?:you(?:'ve|'re|'d| have| are| were| had| did)?|your)\b/,
  /\bif i (?:understand|read|hear) (?:you |this |that )?(?:correctly|right)\b/,
  /\b(?:what i'?m hearing|so what you'?re saying|what you'?re saying|you'?re saying that)\b/,
  /\bit (?:sounds|seems) (?:like|as if|as though) (?:you|your|this|that|the)\b/,
  /\b(?:i|we) (?:\w+ )?(?:went|go|have gone|'ve gone|have been|'ve been|also struggled|struggle|struggled|dealt|deal) (?:\w+ )?(?:through|with) (?:the same|something similar|similar|this|that|it)\b/,
  /\b(?:the )?same (?:thing )?(?:happened|happens) to me\b|\bi(?:'ve| have)? had (?:the same|a similar|something similar)\b/,
];

/** Generic acknowledgements (level 1; 2 when the same clause picks up the customer's own words). */
const GENERIC = [
  /(?:^|[,;:] |\bi )(?:\w+ )?(?:understand|get it|get that|get you|hear you|hear what you|see what you mean|see where you'?re coming from)\b/,
  /\bi (?:can |do |completely |totally |fully |really )?(?:see|understand|get) (?:why|how)\b/,
  /\bi know (?:how you feel|what you mean|the feeling|that feeling|what (?:it'?s|that'?s|it is|that is) like)\b/,
  /\b(?:that|it|this) (?:\w+ )?makes (?:total |complete |perfect |a lot of )?sense\b/,
  /\b(?:completely |totally |perfectly |very |entirely |quite )?understandable\b/,
  /\b(?:your|those|these|the) (?:feelings?|frustrations?|concerns?|worr(?:y|ies)|anger|reaction) (?:is|are) (?:\w+ )?(?:valid|understandable|justified|fair|reasonable|natural)\b/,
  /\bi(?:'ve| have) been there\b|\bi can relate\b|\bsame here\b|\bme too\b|\bbeen there\b/,
];

/** Not understanding, or "understanding" a rule or a request rather than the customer. */
const NEGATED = /\bi (?:do not|don'?t|did not|didn'?t|cannot|can'?t|could not|couldn'?t) (?:quite |really |fully )?(?:understand|see|follow|get)\b|\bnot sure i (?:understand|follow)\b|\bi (?:\w+ )?understand (?:that )?(?:the|our|your) (?:terms|policy|rules?|contract|price|fee|charge|process|system|request|question|order|account)\b(?! (?:has|have|must|is|was) )/;

/** IP in one normalised sentence, given the customer's content stems. */
export function ipSentence(s: string, customer: Set<string>): Finding {
  if (isQuestion(s) || NEGATED.test(s)) return NONE;
  const alone = firstMatch(INFER_ALONE, s);
  if (alone) return { level: 2, quote: s, why: `infers the customer's experience ("${alone[0].trim()}")` };
  const infer = earliestMatch(INFER_FEELING, s);
  const feeling = infer ? feelingIn(s) : null;
  if (infer && feeling) return { level: 2, quote: s, why: `infers a feeling ("${feeling}")` };
  const experience = experienceClause(s, customer);
  if (experience) return { level: 2, quote: s, why: `says how the customer's experience feels ("${experience.trim()}")` };
  const reflect = firstMatch(REFLECT, s);
  const shared = sharedWord(s, customer);
  if (reflect && (shared || feelingIn(s))) return { level: 2, quote: s, why: `reflects the customer's situation ("${shared ?? feelingIn(s)}")` };
  const generic = firstMatch(GENERIC, s);
  const tied = generic ? sharedWord(clauseFrom(s, generic.index + generic[0].length), customer) : null;
  if (tied) return { level: 2, quote: s, why: `acknowledgement tied to the customer's "${tied}"` };
  if (generic || reflect) return { level: 1, quote: s, why: 'generic acknowledgement' };
  if (infer && /imagine|i know/.test(infer[0])) return { level: 1, quote: s, why: 'generic acknowledgement' };
  return NONE;
}

export const detectIp: Detector = ({ customer, reply }) => {
  const stems = contentStems(customer);
  let best: Finding = NONE;
  for (const { raw, s } of sentencePairs(reply)) {
    const f = asWritten(ipSentence(s, stems), raw);
    if (f.level === 2) return f;
    if (f.level > best.level) best = f;
  }
  return best;
};
