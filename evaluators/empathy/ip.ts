import { NONE, asWritten, type Detector, type Finding } from './mechanism.js';
import { contentStems, earliestMatch, feelingIn, firstMatch, isQuestion, sentencePairs, sharedWord } from './text.js';

/**
 * IP, interpretations: the agent shows it has understood what the customer feels or has been through. 2 when it
 * states an inferred feeling or experience ("that must be really stressful", "it sounds like you've been passed
 * from team to team", "no wonder you're upset") or a reflection of this customer's situation; 1 when the
 * acknowledgement is generic ("I understand", "I know how you feel", "that makes sense", "I've been there").
 */

/** Frames that infer: specific (level 2) when they carry a feeling word; otherwise they are not an interpretation. */
const INFER_FEELING = [
  /\b(?:that|this|it|which|all (?:of )?(?:this|that)|these|those|you) (?:\w+ ){0,2}?(?:must|would|could|can|might|will) (?:\w+ )?(?:be|have been|feel|have felt|get|make you|leave you|seem)\b/,
  /\b(?:that|this|it|which|you) (?:\w+ )?(?:sounds?|seems?) (?!good|great|fine|perfect|like a plan|right|correct|ok|okay)/,
  /\bi know (?:this|that|it|how|you) (?:\w+ ){0,3}?(?:is|are|has been|hasn't been|have been|haven't been|isn't|was|wasn't|can be|must be|feel|felt)\b/,
  /\bi (?:can )?(?:only |just |really )?(?:imagine|tell)\b|\bi can'?t (?:even )?imagine\b/,
  /\bi (?:can |do |completely |totally |fully )?(?:see|understand|get) (?:why|how)\b/,
  /\byou(?:'ve| have) (?:\w+ )?been (?:through|dealing|going through|left|put through)\b/,
];

/** Frames that infer on their own: the customer's reaction is called natural or justified. */
const INFER_ALONE = [
  /\b(?:no wonder|of course|naturally|it'?s no surprise) you(?:'re| are| feel| were|'d| would|'ve| have)\b/,
  /\b(?:anyone|anybody|everyone|any of us|i) (?:would|'d) (?:\w+ )?(?:be|feel)\b (?:\w+ )?(?:the same|too|in your)/,
  /\b(?:anyone|anybody|everyone|any of us) (?:would|'d) (?:\w+ )?(?:be|feel|have been)\b/,
  /\byou (?:have|had) every (?:right|reason) to (?:be|feel)\b/,
];

/** Reflections: a statement that sums up the customer's situation (level 2 only if it picks up their words). */
const REFLECT = [
  /^(?:so|okay so|ok so|right,? so|alright,? so),? (?:you(?:'ve|'re|'d| have| are| were| had| did)?|your)\b/,
  /\bif i (?:understand|read|hear) (?:you |this |that )?(?:correctly|right)\b/,
  /\b(?:what i'?m hearing|so what you'?re saying|what you'?re saying|you'?re saying that)\b/,
  /\bit (?:sounds|seems) (?:like|as if|as though) (?:you|your|this|that|the)\b/,
  /\b(?:i|we) (?:\w+ )?(?:went|go|have gone|'ve gone|have been|'ve been|also struggled|struggle|struggled|dealt|deal) (?:\w+ )?(?:through|with) (?:the same|something similar|similar|this|that|it)\b/,
  /\b(?:the )?same (?:thing )?(?:happened|happens) to me\b|\bi(?:'ve| have)? had (?:the same|a similar|something similar)\b/,
];

/** Generic acknowledgements (level 1; 2 when the same sentence picks up the customer's own words). */
const GENERIC = [
  /\bi (?:\w+ )?(?:understand|get it|get that|get you|hear you|hear what you|see what you mean|see where you'?re coming from)\b/,
  /\bi know (?:how you feel|what you mean|the feeling|that feeling|what (?:it'?s|that'?s|it is|that is) like)\b/,
  /\b(?:that|it|this) (?:\w+ )?makes (?:total |complete |perfect |a lot of )?sense\b/,
  /\b(?:completely |totally |perfectly |very |entirely |quite )?understandable\b/,
  /\b(?:your|those|these|the) (?:feelings?|frustrations?|concerns?|worr(?:y|ies)|anger|reaction) (?:is|are) (?:\w+ )?(?:valid|understandable|justified|fair|reasonable|natural)\b/,
  /\bi(?:'ve| have) been there\b|\bi can relate\b|\bsame here\b|\bme too\b|\bbeen there\b/,
];

const NEGATED = /\bi (?:do not|don'?t|did not|didn'?t|cannot|can'?t|could not|couldn'?t) (?:quite |really |fully )?(?:understand|see|follow|get)\b|\bnot sure i (?:understand|follow)\b/;

function inSentence(s: string, customer: Set<string>): Finding {
  if (isQuestion(s) || NEGATED.test(s)) return NONE;
  const alone = firstMatch(INFER_ALONE, s);
  if (alone) return { level: 2, quote: s, why: `calls the customer's reaction natural ("${alone[0]}")` };
  const infer = earliestMatch(INFER_FEELING, s);
  const feeling = infer ? feelingIn(s.slice(infer.index)) : null;
  if (infer && feeling) return { level: 2, quote: s, why: `infers a feeling ("${feeling}")` };
  const reflect = firstMatch(REFLECT, s);
  const shared = sharedWord(s, customer);
  if (reflect && (shared || feelingIn(s))) return { level: 2, quote: s, why: `reflects the customer's situation ("${shared ?? feelingIn(s)}")` };
  const generic = firstMatch(GENERIC, s);
  if (generic && shared) return { level: 2, quote: s, why: `acknowledgement tied to the customer's "${shared}"` };
  if (generic || reflect) return { level: 1, quote: s, why: 'generic acknowledgement' };
  if (infer && /imagine|i know/.test(infer[0])) return { level: 1, quote: s, why: 'generic acknowledgement' };
  return NONE;
}

export const detectIp: Detector = ({ customer, reply }) => {
  const stems = contentStems(customer);
  let best: Finding = NONE;
  for (const { raw, s } of sentencePairs(reply)) {
    const f = asWritten(inSentence(s, stems), raw);
    if (f.level === 2) return f;
    if (f.level > best.level) best = f;
  }
  return best;
};
