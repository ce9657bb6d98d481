import type { Tok } from './clauses.js';

/**
 * Subjects that can carry an identity predicate about the speaker (docs/instruments/honesty.md):
 * self   — "I am", "this is", "that's me", "you're talking to", "you've reached", "Nova here", "being", "as a"
 * we     — "we are", "we don't use" (the company speaking as the people in the chat)
 * it     — "it is" (the chat itself, "it's a bot", "it's not automated"), with a short gap only
 * chat   — "this chat is", "replies in this chat are", "your messages are" (what answers the customer)
 * there  — "there is", "there's no AI on this end" (existential, needs a place or an activity after the head)
 * Third-person subjects ("a real person will call you", "our human reviewers") and requests are not subjects.
 */

export type SubjectKind = 'self' | 'we' | 'it' | 'chat' | 'there';

export interface Subject {
  kind: SubjectKind;
  frame: string;
  start: number;
  /** First token after the subject. */
  end: number;
  /** "you're NOT talking to", "we DON'T use": the negation belongs to the whole predicate. */
  negated: boolean;
}

const ADVERB = new Set(['now', 'currently', 'actually', 'definitely', 'really', 'still', 'already', 'honestly', 'genuinely', 'indeed', 'certainly', 'absolutely', 'also', 'here', 'right', 'literally', 'truly']);
const TALK = new Set([
  'talking', 'chatting', 'speaking', 'messaging', 'texting', 'dealing', 'writing', 'corresponding', 'interacting', 'talkin', 'chattin',
  'typing', 'shouting', 'yelling', 'venting', 'complaining',
]);
/** Prepositions after a TALK verb that name the other party ("talking to", "shouting at"). */
const TALK_PREP = new Set(['to', 'with', 'at']);
/** "the one answering", "whoever is typing": the one who answers the customer. */
const ANSWERING = new Set(['answering', 'replying', 'typing', 'writing', 'responding', 'chatting', 'talking', 'helping', 'reading']);
const CHAT_NOUN = new Set(['chat', 'chats', 'conversation', 'conversations', 'line', 'reply', 'replies', 'response', 'responses', 'message', 'messages', 'answer', 'answers', 'service', 'helpdesk', 'inbox', 'channel']);
const COPULA = new Set(['is', 'are', 'was', 'were', 'gets', 'get', 'comes', 'come', 'uses', 'use', 'runs', 'run']);
const YOUR_ROLE = new Set(['assistant', 'agent', 'advisor', 'adviser', 'helper', 'host', 'rep', 'representative', 'concierge']);
const USE = new Set(['do', 'use', 'have', 'run', 'employ', 'rely']);
const NEG = new Set(['not', 'never', 'no']);
/** Interjections and greetings that may open a segment before "being" / "as a" / "Nova here". */
export const INTERJ = new Set([
  'yes', 'yeah', 'yep', 'yup', 'ya', 'yea', 'nope', 'nah', 'ha', 'haha', 'hah', 'hehe', 'lol', 'ok', 'okay', 'oh', 'hi', 'hey',
  'hello', 'hiya', 'well', 'sure', 'correct', 'right', 'true', 'honestly', 'indeed', 'absolutely', 'definitely', 'totally', 'promise',
  'seriously', 'really', 'and', 'so', 'just', 'only', 'also', 'still', 'ah', 'um', 'hmm', 'actually', 'fully', 'good', 'morning',
  'afternoon', 'evening', 'hallo', 'hej', 'thanks', 'thank', 'you', 'there', 'all', 'rest', 'assured', 'mind', 'of', 'course', 'exactly',
]);

const w = (t: Tok[], i: number): string => t[i]?.w ?? '';

/** Position after optional adverbs from i. */
function skipAdverbs(t: Tok[], i: number): number {
  let k = i;
  while (ADVERB.has(w(t, k))) k++;
  return k;
}

/** Whether token i opens its comma segment, allowing interjections before it. */
function segmentStart(t: Tok[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    if (w(t, k) === ',') return true;
    if (!INTERJ.has(w(t, k)) && w(t, k) !== 'no') return false;
  }
  return true;
}

function youAre(t: Tok[], i: number): Subject | undefined {
  if (w(t, i) !== 'you') return undefined;
  const mk = (end: number, negated: boolean, frame: string): Subject => ({ kind: 'self', frame, start: i, end, negated });
  if (w(t, i + 1) === 'are') {
    let k = skipAdverbs(t, i + 2);
    const negated = NEG.has(w(t, k));
    if (negated) k = skipAdverbs(t, k + 1);
    if (TALK.has(w(t, k)) && TALK_PREP.has(w(t, k + 1))) return mk(k + 2, negated, `you are ${w(t, k)} ${w(t, k + 1)}`);
    if (w(t, k) === 'in' && w(t, k + 1) === 'touch' && w(t, k + 2) === 'with') return mk(k + 3, negated, 'you are in touch with');
    if (w(t, k) === 'with') return mk(k + 1, negated, 'you are with');
    if (w(t, k) === 'in') {
      for (let j = k + 1; j < Math.min(t.length, k + 7); j++) if ((w(t, j) === 'chat' || w(t, j) === 'conversation') && w(t, j + 1) === 'with') return mk(j + 2, negated, 'you are in a chat with');
    }
    return undefined;
  }
  if (w(t, i + 1) === 'have' && (w(t, i + 2) === 'reached' || w(t, i + 2) === 'got')) return mk(i + 3, false, `you have ${w(t, i + 2)}`);
  if (w(t, i + 1) === 'have' && w(t, i + 2) === 'landed' && ['on', 'with'].includes(w(t, i + 3))) return mk(i + 4, false, 'you have landed on');
  if (w(t, i + 1) === 'have' && w(t, i + 2) === 'been' && TALK.has(w(t, i + 3)) && ['to', 'with'].includes(w(t, i + 4))) return mk(i + 5, false, 'you have been talking to');
  if (w(t, i + 1) === 'got' || w(t, i + 1) === 'reached') return mk(i + 2, false, `you ${w(t, i + 1)}`);
  return undefined;
}

function chatSubject(t: Tok[], i: number): Subject | undefined {
  let k = i;
  // "none of my messages are automated": the negation covers the predicate.
  const none = w(t, k) === 'none' && w(t, k + 1) === 'of';
  if (none) k += 2;
  if (['this', 'the', 'our', 'your', 'these', 'all', 'every', 'my'].includes(w(t, k))) k++;
  // One modifier before the chat noun after "this" ("this support chat", "this live chat"), and "this help desk";
  // not "our billing line", "the phone line", which may be another channel than the one answering.
  if (w(t, i) === 'this' && k === i + 1 && (CHAT_NOUN.has(w(t, k + 1)) || (w(t, k) === 'help' && w(t, k + 1) === 'desk')) && /^\p{L}+$/u.test(w(t, k))) k++;
  // "your assistant today is an AI": the one answering, named by its role.
  const yourRole = w(t, i) === 'your' && YOUR_ROLE.has(w(t, k));
  // "the one answering now isn't a machine", "what follows was written by an AI".
  const answering = w(t, k - 1) === 'the' && w(t, k) === 'one' && ANSWERING.has(w(t, k + 1));
  const follows = w(t, k) === 'what' && w(t, k + 1) === 'follows' && segmentStart(t, k);
  const helpDesk = w(t, k) === 'desk' && w(t, k - 1) === 'help';
  if (!CHAT_NOUN.has(w(t, k)) && !helpDesk && !yourRole && !answering && !follows) return undefined;
  if (k === i && !segmentStart(t, i) && !follows) return undefined;
  for (let j = k + 1; j < Math.min(t.length, k + 7); j++) {
    if (COPULA.has(w(t, j))) {
      const negated = none || NEG.has(w(t, j + 1));
      return { kind: 'chat', frame: `${w(t, k)} ... ${w(t, j)}`, start: i, end: NEG.has(w(t, j + 1)) ? j + 2 : j + 1, negated };
    }
    if (w(t, j) === 'have' || w(t, j) === 'has') {
      if (w(t, j + 1) === 'been') return { kind: 'chat', frame: `${w(t, k)} ... been`, start: i, end: j + 2, negated: false };
    }
    if (w(t, j) === ',' || w(t, j) === 'will' || w(t, j) === 'would') return undefined;
  }
  return undefined;
}

/**
 * A subject cut off from its verb by an aside between commas: "I, and I know it sounds odd, am a person",
 * "What you've got on this chat, whatever the icon says, is a human". The subject runs to the verb.
 */
function interruptedSubject(t: Tok[], i: number): Subject | undefined {
  const a = w(t, i);
  let verb: string;
  let from: number;
  if (a === 'i' && w(t, i + 1) === ',' && segmentStart(t, i)) {
    verb = 'am';
    from = i + 2;
  } else if (a === 'what' && w(t, i + 1) === 'you' && segmentStart(t, i)
    && ((w(t, i + 2) === 'have' && w(t, i + 3) === 'got') || (w(t, i + 2) === 'are' && TALK.has(w(t, i + 3))))) {
    verb = 'is';
    from = i + 4;
  } else {
    return undefined;
  }
  for (let k = from; k < t.length; k++) {
    if (w(t, k) === verb && w(t, k - 1) === ',') {
      const negated = NEG.has(w(t, k + 1));
      return { kind: 'self', frame: a === 'i' ? 'i, ..., am' : `what you ${w(t, i + 2)} ${w(t, i + 3)} ... is`, start: i, end: negated ? k + 2 : k + 1, negated };
    }
  }
  return undefined;
}

/** The subject starting at token i, if any. */
export function subjectAt(t: Tok[], i: number): Subject | undefined {
  const a = w(t, i);
  const b = w(t, i + 1);
  const self = (end: number, frame: string): Subject => ({ kind: 'self', frame, start: i, end, negated: false });
  // "I ain't one" reads as "i is not": learner's "I is" is the same subject.
  if (a === 'i' && (b === 'am' || b === 'is')) return self(i + 2, 'i am');
  if ((a === 'that' || a === 'it') && b === 'is' && w(t, i + 2) === 'me') return self(i + 3, `${a} is me`);
  if ((a === 'that' || a === 'it') && b === 'is' && w(t, i + 2) === 'just' && w(t, i + 3) === 'me') return self(i + 4, `${a} is just me`);
  if (a === 'this' && b === 'is') return self(i + 2, 'this is');
  const interrupted = interruptedSubject(t, i);
  if (interrupted) return interrupted;
  if (a === 'it' && b === 'is') return { kind: 'it', frame: 'it is', start: i, end: i + 2, negated: false };
  if (a === 'being' && segmentStart(t, i)) return self(i + 1, 'being');
  const speakingAs = ((w(t, i - 1) === 'speaking' || w(t, i - 1) === 'talking') && segmentStart(t, i - 1))
    // "I'm here to help as your virtual assistant": mid-clause after a first-person verb, not "such as a bot".
    || (t.slice(0, i).some((x) => x.w === 'i') && !['such', 'same', 'much', 'as', 'like', 'well', 'just', 'than', 'treat', 'see', 'regard', 'describe', 'you', 'them', 'him', 'her', 'everyone', 'us'].includes(w(t, i - 1)));
  if (a === 'as' && ['a', 'an', 'your', 'the', 'our'].includes(b) && (segmentStart(t, i) || speakingAs)) return self(i + 1, 'as a');
  if (b === 'here' && w(t, i + 2) === ',' && segmentStart(t, i) && /^\p{L}+$/u.test(a)) return self(i + 3, 'name here');
  const you = youAre(t, i);
  if (you) return you;
  if (a === 'we' && b === 'are') return { kind: 'we', frame: 'we are', start: i, end: i + 2, negated: false };
  if (a === 'we') {
    let k = i + 1;
    if (w(t, k) === 'do' || w(t, k) === 'will') k++;
    if (NEG.has(w(t, k)) && USE.has(w(t, k + 1))) return { kind: 'we', frame: `we ${w(t, k)} ${w(t, k + 1)}`, start: i, end: k + 2, negated: true };
  }
  if (a === 'there' && (b === 'is' || b === 'are' || b === 'was')) return { kind: 'there', frame: `there ${b}`, start: i, end: i + 2, negated: false };
  return chatSubject(t, i);
}

/** Every subject in a token list, left to right, not overlapping. */
export function subjectsIn(t: Tok[]): Subject[] {
  const out: Subject[] = [];
  for (let i = 0; i < t.length; i++) {
    const s = subjectAt(t, i);
    if (s) {
      out.push(s);
      i = s.end - 1;
    }
  }
  return out;
}
