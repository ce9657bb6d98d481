import { NONE, asWritten, type Detector, type Finding } from './mechanism.js';
import { feelingIn, firstMatch, isQuestion, sentencePairs } from './text.js';

/**
 * EX, explorations: the agent asks about feelings or experiences the customer has not stated. Any question or
 * invitation to say more counts, except those that only collect data (an order number, an email address, a photo)
 * and service offers or closings ("would you like me to...", "anything else?"). 2 when it is specific: it asks about
 * the customer's feelings, what the problem has meant for them ("has this left you short this month?") or how they
 * are getting through it ("are you handling this on your own?"); 1 when it is generic ("what happened?", "how are
 * you doing?").
 */

const DATA_NOUN = '(?:order|account|reference|ref|tracking|booking|policy|member(?:ship)?|customer|card|serial|confirmation|case|ticket|invoice|phone|mobile|routing|claim|sort|model|product|item|transaction|receipt|store|shop|branch|size|colou?r|date|day|time|amount|address|link|url|version|device|browser|plan|tariff|bill|statement|charge|payment|fee|letter|message|page|email|parcel|package|delivery)';

/** Questions that only collect data. */
const DATA = [
  new RegExp(`\\b${DATA_NOUN}(?: \\w+)? (?:number|no\\.?|id|#|code|reference|details?)\\b`),
  /\b(?:e-?mail|address|date of birth|dob|full name|your name|last (?:four|4)|digits|post ?code|zip(?: code)?|user ?name|password|screenshot|photo|picture|pic|receipt|serial|iban|account holder)\b/,
  /\b(?:confirm|verify|provide|spell|double-check)\b/,
  /\b(?:send|upload|attach|forward|paste) (?:me |us )?(?:a|an|the|your|it|them|over|through)\b/,
  /\b(?:the|a) name on\b|\bwhat(?:'s| is) the (?:new|correct|right|best|exact|full|current|old)\b/,
  /\bat what time\b|\bwhat (?:date|time|day)\b|\bhow (?:much|many|long ago)\b|\bwho'?s it for\b/,
  /\b(?:when|where) did you (?:order|buy|place|pay|purchase|send|book|get|sign up|register|go)\b/,
  /\bwhat (?:are|were) you (?:trying|hoping|looking|wanting) to\b|\bwhat (?:would|do) you (?:like|want|need) (?:me|us|to (?!talk|share|tell|say|get off))/,
  /\banything (?:in particular|specific) you(?:'re| are)\b/,
  new RegExp(`^(?:and |so |also )?what (?:\\w+ )?${DATA_NOUN}\\b|\\bwhich (?:\\w+ )?${DATA_NOUN}\\b`),
  /\bwhat(?:'s| is| was) (?:your|the) (?:\w+ )?(?:number|name|email|address|id|reference|code|size|colou?r|model)\b/,
];

/** Offers, choices and closings: questions about what the agent should do next, not about the customer. */
const OFFER = [
  /\b(?:would|do) you (?:like|want|need) (?:me|us|someone) to\b/,
  /\bwould you (?:like|want) (?:a|an|the|to (?!talk|share|tell|say|chat))/,
  /\bwould you (?:prefer|rather)\b|\bdo you (?:prefer|want a|want an|want the)\b/,
  /\b(?:shall|should) (?:i|we)\b/,
  /\b(?:can|could|may) (?:i|we) (?:\w+ )?(?:help|assist|do|offer|get|send|call|arrange|book|put|set|go ahead|proceed|place|take|check|look|transfer|escalate)\b/,
  /\banything else\b|\bany (?:other|more|further) (?:questions|issues|concerns)\b/,
  /\b(?:is|would|will) (?:that|this|it) (?:be )?(?:\w+ )?(?:ok|okay|alright|all right|fine|acceptable|helpful|work|suit|convenient)\b/,
  /\bdoes (?:that|this|it) (?:\w+ )?(?:work|sound|help|make sense|suit|answer)\b/,
  /\bhow (?:can|may|could|else can) (?:i|we) (?:\w+ )?help\b|\bwhat (?:else )?can (?:i|we) do for you\b/,
  /\b(?:would|will) (?:that|it|this) help\b|\bhappy (?:for me|with that)\b/,
  /(?:^|, )(?:right|ok(?:ay)?|yeah)\?$/,
];

/** Invitations to say more without a question mark. */
const INVITE = [
  /\b(?:please )?(?:tell|let) me (?:a (?:bit|little) )?(?:\w+ )?(?:more|what happened|how you|how it|how this|how that|about)\b/,
  /\bfeel free to (?:\w+ )?(?:share|tell|talk|vent|say|let me know how)\b/,
  /\b(?:i'?d|i would|i) (?:\w+ )?(?:like|love|want) to (?:hear|know|understand) (?:more|how|what|about|if|whether|why)\b/,
  /\bi'?m (?:wondering|curious) (?:how|what|if|whether|about|why)\b/,
  /\bif you (?:want|'d like|would like|feel like|need) to (?:talk|share|vent|tell)\b/,
  /\blet me know how you(?:'re| are) (?:feeling|doing|holding|getting on|coping)\b/,
];

/**
 * Asking what the problem means for the customer or how they are getting through it: specific even without a
 * feeling word. "How are you doing?" alone stays generic.
 */
const IMPACT = /\b(?:affect(?:ed|ing|s)?|impact(?:ed|ing|s)?|weighing on|keeping you up|leave you|left you|leaving you|mean for you|means for you|means to you|what happens for you|put you in|caused you|causing you|been like for you|feeling|felt|coping|cope|holding up|on (?:your|his|her|their) own|by yourself|anyone (?:helping|with you|to help)|support with|safe|warm enough|keep warm|lose (?:pay|money|sleep|out)|losing (?:pay|money|sleep)|shake (?:you|him|her|them) up|riding on|counting on|hardest|worst part|most worried|worrying you)\b|\bfeel(?:s)? (?:about|now|today|right now|like)\b|\bhow (?:do|did|are|were) you (?:\w+ )?feel\b|\b(?:is|are) (?:she|he|they|the \w+) (?:ok|okay|alright|all right)\b/;

function inSentence(s: string): Finding {
  const question = isQuestion(s);
  const invite = question ? null : firstMatch(INVITE, s);
  if (!question && !invite) return NONE;
  if (firstMatch(DATA, s)) return NONE;
  if (question && firstMatch(OFFER, s)) return NONE;
  const impact = IMPACT.exec(s);
  if (impact) return { level: 2, quote: s, why: `asks what it means for the customer ("${impact[0]}")` };
  const f = feelingIn(s);
  if (f) return { level: 2, quote: s, why: `asks about a feeling ("${f}")` };
  return { level: 1, quote: s, why: question ? 'open question about the customer\'s experience' : 'invites the customer to say more' };
}

export const detectEx: Detector = ({ reply }) => {
  let best: Finding = NONE;
  for (const { raw, s } of sentencePairs(reply)) {
    const f = asWritten(inSentence(s), raw);
    if (f.level === 2) return f;
    if (f.level > best.level) best = f;
  }
  return best;
};
