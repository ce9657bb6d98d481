import { NONE, asWritten, type Detector, type Finding } from './mechanism.js';
import { ipSentence } from './ip.js';
import { clauseFrom, contentStems, feelingIn, firstMatch, sentencePairs, sharedWords } from './text.js';

/**
 * ER, emotional reactions: the agent expresses its own warmth, compassion, concern or sympathy on reading the
 * customer's message. 2 when the agent names its own feeling outright ("I feel awful about this", "my heart goes
 * out to you") or ties its apology or sympathy to this customer's situation ("I'm so sorry your refund bounced
 * twice"); 1 when it only alludes to a reaction: a bare or formulaic apology, an exclamation ("oh no", "what a
 * mess"), comfort ("hang in there", "it will be okay").
 */

const INTENS = '(?:so |really |very |truly |deeply |genuinely |terribly |incredibly |awfully |extremely |sincerely |just |absolutely )*';

/** The agent names a feeling of its own, directed at the customer. */
const OWN_FEELING = [
  new RegExp(`\\bi(?:'m| am) ${INTENS}(?:sad|saddened|heartbroken|gutted|upset|worried|concerned|troubled|distressed|shocked|horrified|appalled|disheartened|disappointed)(?: to (?:hear|read|learn|see)| for you| about| that| by)\\b`),
  new RegExp(`\\bi(?:'m| am) ${INTENS}(?:happy|glad|thrilled|delighted|excited|relieved|pleased) (?:for you|to (?:hear|read|learn|see) (?:that|about|you|your)|that (?:you|your|it|things))\\b`),
  new RegExp(`\\bi (?:\\w+ )?feel ${INTENS}(?:bad|terrible|awful|horrible|sad|for you|with you|your pain|sorry)\\b`),
  /\bmy heart (?:goes out|breaks|aches|is with|hurts)\b/,
  /\b(?:that|this|it|which) (?:really |truly )?(?:breaks|broke) my heart\b/,
  /\bi (?:really |truly |do )?(?:care about you|feel for you|worry about you)\b/,
  /\bi(?:'d| would) (?:\w+ )?(?:be|feel|have been) (?:\w+ )?(?:worried|upset|frustrated|angry|furious|scared|annoyed|livid|stressed|gutted|fuming|devastated|anxious|the same)\b/,
];

/** An apology or expression of sympathy; what follows it decides whether it is specific. */
const APOLOGY = /^apologies\b|\bapologies for\b|\b(?:(?:i'?m|i am|we'?re|we are) (?:\w+ ){0,2}?sorry|(?:i|we) (?:\w+ )?apologi[sz]e|(?:my|our) (?:\w+ )?apologies|so sorry|sorry|my (?:deepest |sincere )?(?:sympathies|condolences))\b/;
const NOT_APOLOGY = /\b(?:no need to (?:apologi[sz]e|be sorry)|don'?t (?:be sorry|apologi[sz]e)|nothing to (?:apologi[sz]e|be sorry) for|not sorry|sorry (?:that |if )?you feel (?:that way|like that|this way|so))\b/;
/** Objects of a formulaic apology: specific only if the customer used the same word. */
const FORMULA_OBJECT = /\b(?:(?:any|the|this|that|your) )?(?:inconvenience|trouble|hassle|wait|confusion|delay|frustration|issue|problem|situation|experience|mix-up|mixup|loss)s?\b/;

/** Weak reactions: exclamations, comfort, reassurance, warmth without a named feeling. */
const ALLUDE = [
  /\b(?:oh no|oh dear|oh man|oh gosh|oh my|ugh|yikes|ouch|oof|goodness|gosh|aw+|a+w+h*)\b/,
  /^(?:oh|ah|wow),? (?:\w+ )?(?:how |so |really )?(?:\w+ and )?(?:excit|scar|lovely|wonderful|horrible|awful|terrible|brilliant|exciting)/,
  /\bpoor (?:you|thing|lad|girl|boy|love|soul|dear|kid|little|baby|pup|mite|guy|man|woman|him|her|them)\b/,
  /\bdon'?t (?:be (?:so )?hard on|blame|beat) yourself\b|\byou'?ve got this\b/,
  /\bdon'?t (?:feel|be) (?:\w+ )?(?:ashamed|embarrassed|bad|silly|stupid|guilty)\b|\byou(?:'re| are) not (?:\w+ )?(?:stupid|an idiot|silly|going mad|mad|crazy|being difficult)\b/,
  /^(?:that'?s|it'?s|this is) (?:\w+ )?(?:tough|hard|rough|a lot|rubbish|gutting|horrible|annoying|frustrating|worrying|unsettling|upsetting|disappointing)\b/,
  /\b(?:so |really |very )?(?:glad|happy|pleased|relieved|delighted) (?:we|it|that|you|to hear|to see)\b/,
  /\b(?:that'?s|that is|this is|it'?s|what an?|how) (?:\w+ )?(?:awful|terrible|horrible|dreadful|rough|unfortunate|a shame|a pity|shame|not okay|not ok|not acceptable|unacceptable|not good|not right|not fair|unfair|so bad|really bad|annoying|maddening|nightmare|pain|hassle|mess|disaster|rubbish)\b/,
  /\bhang in there\b/,
  /\b(?:i |we )?(?:really |truly |do )?hope (?:you(?!'re doing well| are doing well| have a| had a| enjoy| find)|things|everything|that (?:you|things|everything)|your|it (?:gets|all)|this (?:gets|all))/,
  /\btake care\b/,
  /\b(?:sending|send) (?:you )?(?:\w+ )?(?:hugs?|love|strength|good vibes|positive vibes|best wishes|warm wishes)\b/,
  /\b(?:big |virtual )?hugs\b|<3|\u2764/,
  /\byou(?:'re| are) not alone\b/,
  /\b(?:everything|it|things|you) (?:will|'ll|is going to|are going to|'re going to|'s going to) (?:be|get|turn out) (?:\w+ )?(?:okay|ok|alright|all right|fine|better)\b/,
  /\bdon'?t worry\b|\bplease don'?t (?:panic|stress)\b/,
  /\b(?:congratulations|congrats)\b/,
  /\b(?:that'?s|what) (?:\w+ )?(?:wonderful|great|fantastic|amazing|lovely|brilliant|exciting) news\b/,
  /\b(?:i'?m|we'?re|i am|we are) (?:always |right )?here for you\b/,
  /\bbless you\b/,
];

/** What the apology is for: the rest of its clause. Specific when it names a feeling or two of the customer's words. */
function apologyLevel(s: string, m: RegExpExecArray, customer: Set<string>): Finding {
  const object = clauseFrom(s, m.index + m[0].length);
  const shared = sharedWords(object, customer);
  if (shared.length >= 2) return { level: 2, quote: s, why: `apology tied to the customer's words ("${shared.join('", "')}")` };
  const f = feelingIn(object);
  if (f && !FORMULA_OBJECT.test(object)) return { level: 2, quote: s, why: `sympathy naming "${f}"` };
  return { level: 1, quote: s, why: 'generic apology or sympathy' };
}

function inSentence(s: string, stems: Set<string>): Finding {
  const own = firstMatch(OWN_FEELING, s);
  if (own) return { level: 2, quote: s, why: `names its own feeling ("${own[0]}")` };
  const ap = NOT_APOLOGY.test(s) ? null : APOLOGY.exec(s);
  if (ap) return apologyLevel(s, ap, stems);
  return firstMatch(ALLUDE, s) ? { level: 1, quote: s, why: 'alludes to a reaction (exclamation, comfort or reassurance)' } : NONE;
}

/**
 * A weak reaction becomes specific when the same or the next sentence spells out what the customer is going through
 * (an IP level-2 statement): "I'm so sorry. Fifteen years is a long time to have a number..." is a felt reaction
 * tied to this customer's situation.
 */
export const detectEr: Detector = ({ customer, reply }) => {
  const stems = contentStems(customer);
  const pairs = sentencePairs(reply);
  let best: Finding = NONE;
  for (const [i, { raw, s }] of pairs.entries()) {
    const found = asWritten(inSentence(s, stems), raw);
    if (found.level === 2) return found;
    if (found.level === 1) {
      const next = [s, pairs[i + 1]?.s].find((t) => t !== undefined && ipSentence(t, stems).level === 2);
      if (next !== undefined) return { level: 2, quote: raw, why: `${found.why}, tied to an interpretation of the customer's situation` };
    }
    if (found.level > best.level) best = found;
  }
  return best;
};
