/**
 * Plain-text clauses for the identity detectors (docs/instruments/honesty.md). Text is cut into sentences and then
 * clauses at strong punctuation and contrastive words, but NOT at commas: "I'm Sarah, a real person on the team" and
 * "I'm a member of the team, not an automated system" keep subject and predicate together. Contractions and chat
 * spellings are expanded ("I'm", "im" -> i am; "isn't" -> is not; "dont" -> do not), so rules see one form.
 */

export interface Tok {
  /** Lower-case normal form after expansion ("i'm" gives two tokens "i", "am" with the same offsets). */
  w: string;
  /** Written with a capital and not the first word of its sentence: a name candidate ("Kelly"). */
  cap: boolean;
  start: number;
  end: number;
}

export interface Clause {
  tokens: Tok[];
  start: number;
  end: number;
  /**
   * Where the question starts when the clause ends with "?": 0 for a whole question ("would you like a human?"),
   * else the comma segment that opens it ("As an AI I can't open files, could you paste it?"); undefined otherwise.
   */
  questionFrom: number | undefined;
}

const TOKEN_RE = /a\.i\.|\d+(?:[.,:]\d+)*|[\p{L}\p{N}]+(?:['’][\p{L}]+)*|\p{Extended_Pictographic}|[^\s\p{L}\p{N}]/gu;
const EMOJI_RE = /^\p{Extended_Pictographic}$/u;

/** Whole-token expansions; "'s" after other words stays a possessive token. */
const EXPAND: Record<string, string[]> = {
  "i'm": ['i', 'am'], im: ['i', 'am'], "i'am": ['i', 'am'],
  "you're": ['you', 'are'], youre: ['you', 'are'], "we're": ['we', 'are'], "they're": ['they', 'are'],
  "you've": ['you', 'have'], "i've": ['i', 'have'], "we've": ['we', 'have'], youve: ['you', 'have'], ive: ['i', 'have'],
  "it's": ['it', 'is'], "that's": ['that', 'is'], thats: ['that', 'is'], "there's": ['there', 'is'], theres: ['there', 'is'],
  "here's": ['here', 'is'], "what's": ['what', 'is'], "who's": ['who', 'is'], "name's": ['name', 'is'], "let's": ['let', 'us'],
  "isn't": ['is', 'not'], isnt: ['is', 'not'], "aren't": ['are', 'not'], arent: ['are', 'not'], "ain't": ['is', 'not'],
  "wasn't": ['was', 'not'], "weren't": ['were', 'not'], "don't": ['do', 'not'], dont: ['do', 'not'],
  "doesn't": ['does', 'not'], doesnt: ['does', 'not'], "didn't": ['did', 'not'], didnt: ['did', 'not'],
  "can't": ['can', 'not'], cant: ['can', 'not'], cannot: ['can', 'not'], "won't": ['will', 'not'],
  "wouldn't": ['would', 'not'], "couldn't": ['could', 'not'], "shouldn't": ['should', 'not'],
  "haven't": ['have', 'not'], "hasn't": ['has', 'not'], u: ['you'], r: ['are'], "a.i.": ['ai'], programme: ['program'],
};

/** Tokens that end a clause; the sentence ends at the first three. */
const SENTENCE_END = new Set(['.', '!', '?', '…']);
const CLAUSE_END = new Set([...SENTENCE_END, ';', ':', '(', ')', '[', ']', '—', '–']);
/** Words that open a clause with its own subject and polarity ("I'm a bot, but I can help"). */
const CLAUSE_WORDS = new Set(['but', 'however', 'although', 'though', 'tho', 'whereas']);

interface Raw { text: string; start: number; end: number }

function expand(raw: Raw, sentenceInitial: boolean): Tok[] {
  const lower0 = raw.text.toLowerCase();
  const lower = lower0.includes('’') ? lower0.replace(/’/g, "'") : lower0;
  const cap = !sentenceInitial && lower0 !== raw.text && raw.text[0] !== lower0[0] && lower !== 'i';
  const parts = EXPAND[lower] ?? (lower.includes("'") && /^[\p{L}]+'(?:ll|d|ve|re|s)$/u.test(lower) ? splitSuffix(lower) : [lower]);
  return parts.map((w) => ({ w, cap, start: raw.start, end: raw.end }));
}

function splitSuffix(lower: string): string[] {
  const at = lower.lastIndexOf("'");
  const head = lower.slice(0, at);
  const suffix = lower.slice(at + 1);
  const word = { ll: 'will', d: 'would', ve: 'have', re: 'are', s: "'s" }[suffix] ?? suffix;
  return [head, word];
}

/** Sentences, then clauses. A spaced dash, a newline or an emoji also ends a clause. */
export function clausesOf(text: string): Clause[] {
  const raws: Raw[] = [...text.matchAll(TOKEN_RE)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const clauses: Clause[] = [];
  let current: Tok[] = [];
  let sentence: Clause[] = [];
  let sentenceInitial = true;
  const close = (): void => {
    if (current.length) sentence.push({ tokens: current, start: current[0]!.start, end: current[current.length - 1]!.end, questionFrom: undefined });
    current = [];
  };
  const endSentence = (question: boolean): void => {
    close();
    const last = sentence[sentence.length - 1];
    if (question && last) last.questionFrom = questionStart(last.tokens);
    clauses.push(...sentence);
    sentence = [];
    sentenceInitial = true;
  };
  raws.forEach((r, i) => {
    const prevEnd = raws[i - 1]?.end ?? 0;
    const newline = i > 0 && r.start > prevEnd && text.slice(prevEnd, r.start).includes('\n');
    if (newline) endSentence(false);
    const lower = r.text.toLowerCase();
    const spacedDash = (r.text === '-' && r.start > prevEnd) || r.text === '--';
    if (SENTENCE_END.has(r.text)) return endSentence(r.text === '?' || (r.text === '!' && raws[i - 1]?.text === '?'));
    if (CLAUSE_END.has(r.text) || spacedDash) return close();
    if (r.text.length <= 2 && r.text.charCodeAt(0) > 0x2000 && EMOJI_RE.test(r.text)) return close();
    // "nothing but a bot", "anything but human": "but" means "except" and the phrase stays in the clause.
    const except = lower === 'but' && ['nothing', 'anything', 'none', 'all'].includes(raws[i - 1]?.text.toLowerCase() ?? '');
    if (CLAUSE_WORDS.has(lower) && !except) { close(); sentenceInitial = false; return; }
    current.push(...expand(r, sentenceInitial));
    sentenceInitial = false;
  });
  endSentence(false);
  return clauses;
}

const AUX = new Set(['would', 'could', 'can', 'do', 'does', 'did', 'are', 'is', 'am', 'will', 'shall', 'should', 'have', 'has', 'may', 'was', 'were', 'want']);
const PRONOUN = new Set(['you', 'i', 'we', 'it', 'this', 'there', 'they', 'he', 'she', 'that']);
const WH = new Set(['what', 'how', 'why', 'when', 'where', 'who', 'which', 'shall']);

/** The last comma segment of a question clause that opens with an auxiliary + pronoun or a wh-word, else 0. */
function questionStart(t: Tok[]): number {
  let from = 0;
  for (let i = 0; i < t.length; i++) {
    const segStart = i === 0 || t[i - 1]!.w === ',';
    if (segStart && (WH.has(t[i]!.w) || (AUX.has(t[i]!.w) && PRONOUN.has(t[i + 1]?.w ?? '')))) from = i;
  }
  return from;
}

/** Comma-separated segments of a clause, for bare answers ("Nope, human here!", "Not a bot, promise"). */
export function segmentsOf(c: Clause): Tok[][] {
  const out: Tok[][] = [[]];
  for (const t of c.tokens) {
    if (t.w === ',') out.push([]);
    else out[out.length - 1]!.push(t);
  }
  return out.filter((s) => s.length > 0);
}

export const isWord = (t: Tok | undefined): boolean => t !== undefined && /^[\p{L}\p{N}'%]/u.test(t.w);
