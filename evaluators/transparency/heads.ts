import type { Tok } from './clauses.js';

/**
 * Identity predicates: the noun phrase that says what the speaker IS. An AI head ("bot", "AI", "virtual assistant",
 * "automated system") or a human head ("human", "real person", "live agent", "flesh and blood"). Word collisions are
 * rejected here, once for every frame: "human error", "human-readable", "in person", "robot vacuums", "virtual tour".
 */

export type IdentityKind = 'ai' | 'human';

export interface Head {
  kind: IdentityKind;
  /** Token range [start, end) of the head. */
  start: number;
  end: number;
  /** Only a predicate of "I am" ("I'm real", "just a regular guy"); never a bare answer or another subject's. */
  weak?: boolean;
  /** "the human support team": the speaker's team; a preposition before it does not make it someone else. */
  team?: boolean;
  /** Only right after "I am" and an article ("I'm a program", not "a member of the loyalty program"). */
  direct?: boolean;
  /** Only a predicate of the chat ("this message was generated automatically"). */
  chatOnly?: boolean;
}

/** Nouns that name a role; with an AI modifier they name an AI ("digital concierge"), with a human one a person. */
const ROLE = new Set([
  'assistant', 'assistants', 'agent', 'agents', 'helper', 'advisor', 'adviser', 'advisors', 'advisers', 'concierge', 'rep',
  'reps', 'representative', 'representatives', 'operator', 'companion', 'guide', 'host', 'associate', 'teammate', 'responder',
  'employee', 'employees', 'staff', 'staffer', 'colleague', 'person', 'advocate', 'specialist', 'consultant',
]);
/** Things that, with an AI modifier, are machines or machine output ("automated system", "AI model", "automated message"). */
const MACHINE = new Set([
  'system', 'program', 'model', 'software', 'intelligence', 'bot', 'chatbot', 'message', 'response', 'reply', 'email', 'text',
  'chat', 'service', 'answer', 'voice', 'account', 'line', 'systems', 'programs', 'models', 'messages', 'responses', 'replies',
  'emails', 'texts', 'answers',
]);
/** Modifiers that make a role or a thing artificial. */
const AI_MOD = new Set(['virtual', 'digital', 'automated', 'automatic', 'artificial', 'ai', 'robotic', 'computer', 'software', 'bot', 'machine']);
/** Heads that are AI on their own. */
const AI_NOUN = new Set([
  'ai', 'bot', 'bots', 'chatbot', 'chatbots', 'robot', 'robots', 'llm', 'autoresponder', 'autoresponders', 'algorithm', 'algorithms',
  'software', 'automation', 'machine', 'machines', 'computer', 'computers', 'chatgpt', 'gpt',
]);
/** Adjectives that are an AI predicate on their own ("I'm automated", "it's not automated"). */
const AI_ADJ = new Set(['automated', 'automatic', 'robotic', 'artificial']);
const BOT_NAME_EXCEPT = new Set(['abbot', 'sabot', 'turbot', 'talbot', 'robot']);
/** After a hyphen, an AI word stays an AI predicate only in these compounds ("AI-powered", "bot-run"). */
const AI_HYPHEN_OK = new Set(['powered', 'based', 'driven', 'generated', 'run', 'enabled', 'assisted', 'operated', 'written', 'built', 'led']);
/** Nouns that turn the identity word into a modifier of something else. */
const COMPOUND = new Set([
  'vacuum', 'vacuums', 'protection', 'detection', 'check', 'checks', 'traffic', 'filter', 'filters', 'tool', 'tools', 'feature',
  'features', 'search', 'translation', 'ethics', 'policy', 'regulation', 'act', 'art', 'research', 'technology', 'image', 'images',
  'prevention', 'attack', 'attacks', 'learning', 'wash', 'washable', 'science', 'issue', 'issues', 'problem', 'problems', 'screen',
  'repair', 'error', 'errors', 'virus', 'shop', 'store', 'game', 'games', 'resources', 'rights', 'review', 'reviews', 'reviewer',
  'reviewers', 'touch', 'nature', 'side', 'oversight', 'intervention', 'judgement', 'judgment', 'element', 'interaction',
  'body', 'eye', 'eyes', 'factor', 'trafficking', 'capital', 'history', 'race', 'life', 'lives', 'health', 'tissue', 'behaviour',
  'behavior', 'thing', 'things', 'condition', 'readable', 'centred', 'centered', 'scale', 'level', 'verification', 'test', 'tests',
  'parts', 'part', 'toy', 'toys', 'kit', 'kits', 'lawnmower', 'mower', 'arm', 'arms', 'tour', 'tours', 'queue', 'card', 'cards',
  'wallet', 'event', 'events', 'estate', 'time', 'world', 'life', 'deal', 'bargain', 'stream', 'streaming', 'music', 'show', 'class', 'classes', 'try', 'receipt', 'receipts', 'copy', 'copies', 'download', 'downloads',
]);
/** Words before "machine"/"computer" that make it an appliance. */
const APPLIANCE = new Set(['coffee', 'washing', 'vending', 'ticket', 'slot', 'sewing', 'fax', 'espresso', 'card', 'time', 'bread', 'my', 'our']);
/** Human heads. */
const HUMAN_NOUN = new Set(['human', 'humans', 'person', 'people', 'persons']);
/** Modifiers that make a role human ("live agent", "real representative", "human advisers"). */
const HUMAN_MOD = new Set(['live', 'real', 'actual', 'genuine', 'human']);
const ROLE_OR_MACHINE = new Set([...ROLE, ...MACHINE]);
/** Words for a person that are too loose for anything but "I am" ("hey guys" is a greeting). */
const PERSON_WORD = new Set(['guy', 'gal', 'bloke', 'chap', 'mortal']);
/**
 * Nouns that name a person by sex or family role. A predicate of the speaker only with an indefinite article before
 * them ("I'm a woman", "as a mum of three", "just a tired bloke"), never "the man for the job" or "your guy".
 */
const GENDERED = new Set([
  'woman', 'man', 'lady', 'gentleman', 'fella', 'fellow', 'lad', 'lass', 'mum', 'mom', 'mother', 'dad', 'father', 'grandmother',
  'grandfather', 'grandma', 'grandad', 'granddad', 'husband', 'wife',
]);
/** Roles a human modifier makes a person ("live agent", "real representative"); not "real assistant". */
const HUMAN_ROLE = new Set([
  'agent', 'agents', 'rep', 'reps', 'representative', 'representatives', 'operator', 'operators', 'advisor', 'adviser', 'advisors',
  'advisers', 'employee', 'employees', 'staff', 'staffer', 'colleague', 'colleagues', 'person', 'people', 'human', 'humans', 'being',
  'bloke', 'fella', 'guy', 'gal', 'chap', 'woman', 'man', 'lady', 'mortal',
]);
const ROLE_ADJ = new Set(['right', 'wrong', 'best', 'correct', 'same', 'only', 'first', 'last', 'next', 'ideal', 'perfect', 'appropriate', 'relevant', 'contact', 'key']);
const TEAM = new Set(['team', 'staff', 'side', 'crew', 'desk']);
const HUMAN_HYPHEN_OK = new Set(['staffed', 'run', 'operated', 'led', 'answered', 'powered', 'written', 'monitored', 'manned']);

const at = (t: Tok[], i: number): string => t[i]?.w ?? '';
const isWordTok = (t: Tok | undefined): boolean => t !== undefined && /^[\p{L}\p{N}]/u.test(t.w);

/** A role or machine noun within `span` words after position i (words only, no punctuation between). */
function nounAhead(t: Tok[], i: number, span: number, nouns: Set<string>): number | undefined {
  for (let k = i; k < Math.min(t.length, i + span); k++) {
    if (!isWordTok(t[k]) && at(t, k) !== "'s" && at(t, k) !== '-') return undefined;
    if (nouns.has(at(t, k))) return k;
  }
  return undefined;
}

function aiHead(t: Tok[], i: number): Head | undefined {
  const w = at(t, i);
  const next = at(t, i + 1);
  // "machine learning model", "machine-learning system": the compound names an AI when a role or machine follows.
  if (w === 'machine' && (next === 'learning' || (next === '-' && at(t, i + 2) === 'learning'))) {
    const k = nounAhead(t, next === '-' ? i + 3 : i + 2, 1, ROLE_OR_MACHINE);
    return k === undefined ? undefined : { kind: 'ai', start: i, end: k + 1 };
  }
  // "a non-human assistant": the negated prefix names an AI.
  if (w === 'non' && next === '-' && (at(t, i + 2) === 'human' || at(t, i + 2) === 'person')) {
    const k = nounAhead(t, i + 3, 2, ROLE);
    return { kind: 'ai', start: i, end: (k ?? i + 2) + 1 };
  }
  if (w === 'artificial' && next === 'intelligence') return { kind: 'ai', start: i, end: i + 2 };
  if (next === '-' && !AI_HYPHEN_OK.has(at(t, i + 2))) return undefined;
  const botName = /^[\p{L}]{2,}bot$/u.test(w) && !BOT_NAME_EXCEPT.has(w);
  if ((AI_NOUN.has(w) || AI_MOD.has(w) || botName) && COMPOUND.has(next)) return undefined;
  if ((w === 'program' || w === 'programs') && !COMPOUND.has(next) && !isWordTok(t[i + 1])) return { kind: 'ai', start: i, end: i + 1, weak: true, direct: true };
  if (w === 'automatically' || w === 'autogenerated') return { kind: 'ai', start: i, end: i + 1, chatOnly: true };
  if (w === 'language' && next === 'model') return { kind: 'ai', start: i, end: i + 2 };
  if (AI_MOD.has(w)) {
    // "virtual"/"digital" make roles artificial ("digital concierge") but not things ("digital receipt email").
    const nouns = w === 'virtual' || w === 'digital' ? ROLE : ROLE_OR_MACHINE;
    const appliance = (w === 'computer' || w === 'machine') && APPLIANCE.has(at(t, i - 1));
    const k = nounAhead(t, i + 1, w === 'computer' || w === 'machine' ? 1 : 4, nouns);
    if (k !== undefined && !appliance) return { kind: 'ai', start: i, end: k + 1 };
  }
  if (AI_ADJ.has(w)) {
    // Alone only when no noun follows: "I'm automated, yes" but not "automated checks".
    return !isWordTok(t[i + 1]) || FUNCTION.has(next) ? { kind: 'ai', start: i, end: i + 1 } : undefined;
  }
  if (AI_NOUN.has(w) || botName) {
    if ((w === 'machine' || w === 'computer' || w === 'machines' || w === 'computers') && APPLIANCE.has(at(t, i - 1))) return undefined;
    if (next === '-') return { kind: 'ai', start: i, end: i + 3 };
    const role = nounAhead(t, i + 1, 1, ROLE_OR_MACHINE);
    return { kind: 'ai', start: i, end: (role ?? i) + 1 };
  }
  return undefined;
}

function humanHead(t: Tok[], i: number): Head | undefined {
  const w = at(t, i);
  const next = at(t, i + 1);
  if (w === 'flesh') {
    // "flesh and blood", "flesh-and-blood", "flesh and bone": hyphens skipped.
    const words: number[] = [];
    for (let k = i + 1; k < t.length && words.length < 2; k++) if (at(t, k) !== '-') words.push(k);
    if (at(t, words[0] ?? -1) !== 'and' || !['blood', 'bone', 'bones'].includes(at(t, words[1] ?? -1))) return undefined;
    const end = words[1]! + 1;
    const k = nounAhead(t, end, 2, new Set([...ROLE, ...HUMAN_NOUN]));
    return { kind: 'human', start: i, end: (k ?? end - 1) + 1 };
  }
  if (HUMAN_NOUN.has(w)) {
    if (at(t, i - 1) === 'in' && w === 'person') return undefined;
    if (at(t, i - 1) === '-' && at(t, i - 2) === 'non') return undefined;
    if (next === '-') return HUMAN_HYPHEN_OK.has(at(t, i + 2)) ? { kind: 'human', start: i, end: i + 3 } : undefined;
    if (COMPOUND.has(next)) return undefined;
    // "you're talking to the right person" names a role, not what the speaker is.
    if (w === 'person' && ROLE_ADJ.has(at(t, i - 1))) return undefined;
    if (w === 'human' && next === 'being') return { kind: 'human', start: i, end: i + 2 };
    // "people" needs a modifier ("real people", caught at the modifier): "we are people who love bikes" is not a claim.
    const oneOf = at(t, i - 2) === 'of' && at(t, i - 3) === 'one' && (at(t, i - 1) === 'the' || at(t, i - 1) === 'our');
    if ((w === 'people' || w === 'persons') && !oneOf) return undefined;
    if (w === 'human' || w === 'humans') {
      const k = nounAhead(t, i + 1, 3, ROLE);
      if (k !== undefined) return { kind: 'human', start: i, end: k + 1 };
      // "an agent on the human support team": membership of a human team.
      const team = nounAhead(t, i + 1, 3, TEAM);
      if (team !== undefined) return { kind: 'human', start: i, end: team + 1, team: true };
    }
    return { kind: 'human', start: i, end: i + 1 };
  }
  if (PERSON_WORD.has(w) && !COMPOUND.has(next)) return { kind: 'human', start: i, end: i + 1, weak: true };
  if (GENDERED.has(w) && !COMPOUND.has(next) && next !== '-' && afterIndefinite(t, i)) return { kind: 'human', start: i, end: i + 1, weak: true };
  if (HUMAN_MOD.has(w) && w !== 'human') {
    if (next === '-' || COMPOUND.has(next)) return undefined;
    if (w === 'real' && (!isWordTok(t[i + 1]) || FUNCTION.has(next))) return { kind: 'human', start: i, end: i + 1, weak: true };
    const k = nounAhead(t, i + 1, 3, HUMAN_ROLE);
    // "real human being": the head runs to the end of the inner one.
    const inner = k === undefined ? undefined : humanHead(t, k);
    if (k !== undefined && !(w === 'live' && at(t, i + 1) === 'chat')) return { kind: 'human', start: i, end: Math.max(k + 1, inner?.end ?? 0) };
  }
  return undefined;
}

/** "a woman", "a very tired mum": an indefinite article up to three words before, with only words between. */
function afterIndefinite(t: Tok[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    if (at(t, k) === 'a' || at(t, k) === 'an') return true;
    if (!isWordTok(t[k]) || at(t, k) === 'the' || at(t, k) === 'your' || at(t, k) === 'my') return false;
  }
  return false;
}

/** Function words that may follow an AI adjective without making it a modifier. */
const FUNCTION = new Set(['and', 'or', 'but', 'so', 'yes', 'yeah', 'yep', 'too', 'though', 'here', 'now', 'either', 'at', 'by', 'in', 'on', 'i', 'you', 'we', 'which', 'that', 'just', 'not', 'no', 'then', 'all', 'lol']);

/** The identity head starting at token i, if any; AI first ("a real AI assistant" is AI). */
export function headAt(t: Tok[], i: number): Head | undefined {
  return aiHead(t, i) ?? humanHead(t, i);
}

/** The first identity head in [from, to). */
export function firstHead(t: Tok[], from: number, to: number): Head | undefined {
  for (let i = from; i < Math.min(to, t.length); i++) {
    const h = headAt(t, i);
    if (h) return h;
  }
  return undefined;
}
