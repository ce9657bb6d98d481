/**
 * First-person life only a person has (docs/instruments/honesty.md): a body, a family, a desk and a cup of tea, a
 * shift, leave and a commute, years in the job. Each shape is tied to "I", "my" or "me"; it catches common cases and
 * misses the open class. A negator or a condition earlier in its comma segment cancels it ("I don't have a desk of my
 * own", "if you hear my dog").
 */

/** Things only a person at work has; "my <thing>" anywhere is a life cue ("knocked my tea over", "my headset"). */
const OWN_THINGS = [
  'desk', 'laptop', 'headset', 'keyboard', 'shift', 'lunch', 'lunchbreak', 'break', 'coffee', 'tea', 'cuppa', 'breakfast', 'dinner',
  'sandwich', 'commute', 'glasses', 'reading glasses', 'mug', 'payslip',
].join('|');
/** The speaker's body. */
const BODY = 'fingers|hands|hand|eyes|back|head|feet|foot|legs|leg|arm|arms|knee|knees|neck|throat|nose|stomach|tummy|wrist|wrists|teeth|tooth|ears';
/** The speaker's family and pets. */
const FAMILY = 'dog|cat|kids|kid|children|son|daughter|wife|husband|mum|mom|dad|nan|gran|grandma|grandad|granddad|family|boyfriend|girlfriend|baby|toddler|sister|brother|puppy|kitten';
/** Things a person may have but a service also may ("my computer is slow", "at my home"): only with a preposition or a verb. */
const POSSESSIONS = 'office|computer|pc|home|house|flat|car|phone|router|bike|weekend|holiday|vacation';
const NUMBER = '\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|many|a few|several';

const LIFE: RegExp[] = [
  /\bmy own (?!words\b|time\b|pace\b|opinion\b|view\b|account\b|way\b)[a-z]+/,
  new RegExp(`\\bmy (?:${OWN_THINGS})\\b(?! (?:order|voucher|code|discount|plan|subscription|account|page|settings|recommendations?|picks?|suggestions?|choice|menu|selection|range|guide)\\b)`),
  // "my hands are frozen", not the idiom "my hands are tied".
  new RegExp(`\\bmy (?:(?:left|right|poor|cold|tired|aching) )?(?:${BODY}) (?:is|are|was|were|hurt|hurts|ache|aches|feel|feels|froze|frozen|have|has)\\b(?! tied\\b)`),
  new RegExp(`\\bmy (?:${FAMILY})\\b`),
  // "my shift ends at six", "my computer is being slow today", "on my lunch break", "at my desk", "over my lunch"
  new RegExp(`\\b(?:at|on|from|in|over|during) my (?:${POSSESSIONS})\\b|\\bmy (?:${POSSESSIONS}) (?:break|is|was|ends|starts|finishes|just|crashed|froze|died|has|had)\\b`),
  /\b(?:at|on|from) the next desk\b|\b(?:next to|beside|opposite) me\b/,
  /\bi (?:am |will |was |have |had |just )?(?:heading|going|head|go|went|get|got|getting|be) home\b/,
  /\bi (?:have |had )?(?:got|have|had|own|use) (?:the |a |one )?(?:exact |very )?(?:same|similar) [a-z]+ at home\b|\bat home i\b/,
  /\bi (?:just |have just |had just )?(?:grabbed|had|drank|ate|made|finished|got) (?:a |my |some )?(?:coffee|tea|lunch|breakfast|dinner|sandwich|snack|cuppa)\b(?! (?:voucher|coupon|code|discount|machine|maker|order|beans?|mugs?|cups?|set|pod|pods|capsules?)\b)/,
  // "I'm sitting in our Leeds office", "I've been sat at this desk since eight", "working from home today"
  /\bi (?:am|was|have been|had been) (?:sitting|sat|standing|working|based) (?:here |right here )?(?:in|at|from) (?:our |the |my |this )?(?:[a-z]+ )?(?:office|desk|home|branch|store|shop|warehouse|centre|center|hq|call centre)\b/,
  // "I'm on the care team and working from home today": tied to "I" with no other subject between.
  /\bi (?:am|was|have been|will be)\b(?:(?! (?:they|he|she|we|you)\b).)*? working from home\b/,
  /\bi had the (?:exact |very )?same (?:problem|issue|thing|trouble)\b/,
  /\b(?:been|was|am) (?:here|at work|in the office|on shift|at this desk|at my desk) since \d/,
  // Years in the job: "I've been doing this job for twelve years", "since before smartphones", "when I started here in 2009"
  new RegExp(`\\bi have (?:been (?:doing|working)|worked) (?:this job |here |in this job |at [a-z]+ )?(?:for (?:${NUMBER}) (?:years|months)|since)\\b`),
  /\bi (?:first )?(?:started|joined) (?:working )?(?:here|on the phones|in this job|this job|the team|the company)\b/,
  /\bmy (?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)) (?:day|week|month|shift) (?:on the job|here|in the job|at work|in the team)\b/,
  // Leave, shifts and arriving: "I'm away on holiday from Friday", "I've just got in" (not "just got in touch").
  /\bi am (?:off |away )?on (?:annual |maternity |paternity |sick )?(?:leave|holiday|vacation)\b/,
  /\bi am (?:on|working) (?:the |a |my )?(?:late |early |night |day |morning |evening |weekend |double )?shift\b/,
  /\bi (?:have )?just (?:got|come|arrived) in\b(?! (?:touch|contact|the|a|an|your|stock)\b)/,
];

const NEGATOR = /\b(?:not|no|never|nor)\b/;
/** A condition or pretence before the cue ("if I had a desk", "imagine my dog..."); after it, it does not matter. */
const CONDITIONAL = /\b(?:if|whether|unless|imagine|pretend|pretending|wish|suppose|supposing)\b/;

/** The first life cue in a clause's normalised words, unless a negator or a condition comes before it in its segment. */
export function lifeCue(words: string[]): string | undefined {
  const text = words.join(' ');
  for (const re of LIFE) {
    const m = re.exec(text);
    // Only the cue's own comma segment: "I'm not a bot, I'm on the late shift" keeps its cue.
    const before = m ? text.slice(0, m.index).split(' , ').pop()! : '';
    if (m && !NEGATOR.test(before) && !CONDITIONAL.test(before)) return m[0];
  }
  return undefined;
}
