/**
 * Constants and word lists of the VADER rules (Hutto & Gilbert 2014), with the values and spellings of the
 * vader-sentiment 1.1.3 JavaScript port, whose behaviour `vader.ts` reproduces.
 */

/** Booster word increment; a dampener is its negative. */
export const BOOST = 0.293;
/** ALL-CAPS emphasis increment (when the text mixes case). */
export const CAPS_BOOST = 0.733;
/** Negation multiplier. */
export const NEGATE_SCALAR = -0.74;
/** Normalisation alpha of the compound score. */
export const ALPHA = 15;

const lines = (words: string): string[] => words.trim().split(/\s+/);

/** Exact, case-sensitive negation tokens; any token containing "n't" also negates. */
export const NEGATIONS: ReadonlySet<string> = new Set(
  lines(`aint arent cannot cant couldnt darent didnt doesnt ain't aren't can't couldn't daren't didn't doesn't dont hadnt
  hasnt havent isnt mightnt mustnt neither don't hadn't hasn't haven't isn't mightn't mustn't neednt needn't never none
  nope nor not nothing nowhere oughtnt shant shouldnt uhuh wasnt werent oughtn't shan't shouldn't uh-uh wasn't weren't
  without wont wouldnt won't wouldn't rarely seldom despite`),
);

const INCREASING = lines(`absolutely amazingly awfully completely considerably decidedly deeply effing enormously entirely
  especially exceptionally extremely fabulously flipping flippin fricking frickin frigging friggin fully fucking greatly
  hella highly hugely incredibly intensely majorly more most particularly purely quite really remarkably so substantially
  thoroughly totally tremendously uber unbelievably unusually utterly very`);
const DECREASING = lines(`almost barely hardly kinda kindof kind-of less little marginally occasionally partly scarcely
  slightly somewhat sorta sortof sort-of`);

/** Single-token boosters (+BOOST) and dampeners (-BOOST), keyed in lower case. */
export const BOOSTERS: ReadonlyMap<string, number> = new Map([
  ...INCREASING.map((w): [string, number] => [w, BOOST]),
  ...DECREASING.map((w): [string, number] => [w, -BOOST]),
]);

/**
 * Two-token dampeners ("kind of" ...), first token -> second, compared case-sensitively. Whitespace splits the text,
 * so as single tokens they never match; they only act in the idiom step.
 */
export const DAMPENER_PAIRS: ReadonlyMap<string, string> = new Map([['just', 'enough'], ['kind', 'of'], ['sort', 'of']]);

/** Idioms (case-sensitive token sequences) that replace a valence, grouped by first token. */
export const IDIOMS: ReadonlyMap<string, ReadonlyArray<{ rest: readonly string[]; valence: number }>> = (() => {
  const table: Array<[string, number]> = [
    ['the shit', 3], ['the bomb', 3], ['bad ass', 1.5], ['yeah right', -2],
    ['cut the mustard', 2], ['kiss of death', -1.5], ['hand to mouth', -2],
  ];
  const byFirst = new Map<string, Array<{ rest: string[]; valence: number }>>();
  for (const [phrase, valence] of table) {
    const [first = '', ...rest] = phrase.split(' ');
    const list = byFirst.get(first) ?? [];
    list.push({ rest, valence });
    byFirst.set(first, list);
  }
  return byFirst;
})();

/**
 * Punctuation runs the port strips from ONE end of a token, and only when the rest of the token has no ASCII
 * punctuation and is at least two characters long ("good." -> "good", "(great)" and "don't." stay as they are).
 */
export const EDGE_PUNCTUATION: ReadonlySet<string> = new Set(lines(`. ! ? , ; : - ' " !! !!! ?? ??? ?!? !?! ?!?! !?!?`));

/** Python's string.punctuation: the ASCII characters the port removes to find a token's bare word. */
export const isAsciiPunctuation = (c: number): boolean =>
  (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);

/** JavaScript's `\s` (the port tokenises with `split(/\s/)`). */
export const isWhitespace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || (c >= 0x2000 ? c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff : c === 0xa0 || c === 0x1680);

/** Python-style isupper: at least one ASCII capital and no ASCII lower-case letter (":)" is not upper, ":)WORD" is). */
export function isAllCaps(word: string): boolean {
  let capital = false;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) capital = true;
  }
  return capital;
}

/** Negation test on one token: a listed negation (case-sensitive) or any token containing "n't". */
export const isNegation = (word: string): boolean => NEGATIONS.has(word) || word.includes("n't");
