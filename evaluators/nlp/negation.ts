/**
 * Clause-scoped negation. wink flags the tokens *after* a negator up to the next punctuation; a claim such as
 * "50% off is not something we offer" has its negator after the number, so we look at the whole clause instead.
 */

/** Token normals (wink splits "can't" into "can" + "not") that negate the clause they sit in. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'none', 'nothing', 'nobody', 'neither', 'nor', 'cannot', 'nowhere', "n't",
]);

/** Punctuation that closes a clause; a dash only when spaced ("30-day" is one clause). */
const CLAUSE_PUNCT: ReadonlySet<string> = new Set([',', ';', ':', '(', ')', '—', '–', '!', '?', '.', '"']);
/** Conjunctions that start a new clause with its own polarity ("I can't do 50%, but I can do 15%"). */
const CLAUSE_WORDS: ReadonlySet<string> = new Set(['but', 'however', 'although', 'though', 'instead', 'whereas', 'yet']);

export interface ClauseToken {
  normal: string;
  precedingSpaces: string;
  negationFlag: boolean;
  sentence: number;
}

/** Assigns each token a clause number; returns the clause of every token and whether each clause is negated. */
export function assignClauses(tokens: ClauseToken[]): { clauseOf: number[]; negated: boolean[] } {
  const clauseOf: number[] = [];
  const negated: boolean[] = [false];
  let clause = 0;
  let prevSentence = tokens[0]?.sentence ?? 0;
  // wink's flag runs on past "but" up to the next punctuation; after a contrastive word only negator words count.
  let contrastive = false;
  for (const t of tokens) {
    const spacedDash = (t.normal === '-' || t.normal === '–' || t.normal === '—') && t.precedingSpaces.length > 0;
    const word = CLAUSE_WORDS.has(t.normal);
    const boundary = t.sentence !== prevSentence || CLAUSE_PUNCT.has(t.normal) || spacedDash || word;
    if (boundary && clauseOf.length > 0) {
      clause += 1;
      negated.push(false);
      contrastive = word;
    }
    prevSentence = t.sentence;
    clauseOf.push(clause);
    if (NEGATORS.has(t.normal) || (t.negationFlag && !contrastive)) negated[clause] = true;
  }
  return { clauseOf, negated };
}

/** Lexical negator test for plain text (used when a phrase must be checked without the phrase's own words). */
const NEGATOR_RE = /\b(?:not|no|never|none|nothing|nobody|neither|nor|cannot|nowhere)\b|n't\b|n’t\b/i;
export const hasNegator = (text: string): boolean => NEGATOR_RE.test(text);
