import type { WinkMethods } from 'wink-nlp';
import { assignClauses } from './negation.js';

/**
 * One wink-nlp instance for the whole process, loaded on first use (the model takes ~100 ms and ~30 MB), with the
 * scenario's catalog/policy names learned as custom entities. Re-learning costs ~0.3 ms, so the gazetteer is only
 * re-learned when a different scenario's names are needed.
 */

export type GazetteerKind = 'catalog' | 'policy';

export interface GazetteerEntry {
  kind: GazetteerKind;
  /** Catalog SKU or policy id. */
  id: string;
  name: string;
}

export interface Gazetteer {
  key: string;
  entries: GazetteerEntry[];
}

export interface TokenInfo {
  value: string;
  normal: string;
  pos: string;
  start: number;
  end: number;
  sentence: number;
  clause: number;
}

export interface EntitySpan {
  /** wink entity type (MONEY, PERCENT, ...) or `catalog` / `policy` / `candidate-name` for custom entities. */
  type: string;
  value: string;
  start: number;
  end: number;
  firstToken: number;
  lastToken: number;
}

export interface TextAnalysis {
  text: string;
  tokens: TokenInfo[];
  /** Character ranges of sentences. */
  sentences: { start: number; end: number }[];
  entities: EntitySpan[];
  custom: EntitySpan[];
  clauseNegated: boolean[];
}

export interface Nlp {
  analyse(text: string, gazetteer: Gazetteer): TextAnalysis;
}

/** Head words of names an agent might invent ("Lifetime Happiness Promise"); caught as unknown-name candidates. */
const NAME_HEADS = 'plan|guarantee|promise|protection|warranty|program|programme|membership|policy|pass|bundle|package|club|rewards|subscription|edition|tier|care';

let loading: Promise<Nlp> | undefined;

export function loadNlp(): Promise<Nlp> {
  loading ??= (async () => {
    const [{ default: winkNLP }, { default: model }] = await Promise.all([import('wink-nlp'), import('wink-eng-lite-web-model')]);
    return makeNlp(winkNLP(model));
  })();
  return loading;
}

/** wink patterns treat `[`, `]` and `|` as syntax; names keep letters, digits and inner punctuation only. */
const patternOf = (name: string): string => name.replace(/[[\]|]/g, ' ').replace(/\s+/g, ' ').trim();

function makeNlp(nlp: WinkMethods): Nlp {
  const its = nlp.its;
  let learnedKey: string | undefined;
  const learn = (g: Gazetteer): void => {
    if (learnedKey === g.key) return;
    const byKind = (k: GazetteerKind): string[] => g.entries.filter((e) => e.kind === k).map((e) => patternOf(e.name)).filter((p) => p.length > 0);
    const examples = [
      { name: 'catalog', patterns: byKind('catalog') },
      { name: 'policy', patterns: byKind('policy') },
      { name: 'candidate-name', patterns: [`[PROPN] [PROPN] [${NAME_HEADS}]`, `[PROPN] [${NAME_HEADS}]`] },
    ].filter((e) => e.patterns.length > 0);
    // Entities off: otherwise "3" in "Product 3 Pro" is a CARDINAL and the literal pattern never matches.
    nlp.learnCustomEntities(examples, { matchValue: false, usePOS: true, useEntity: false });
    learnedKey = g.key;
  };

  return {
    analyse(text, gazetteer) {
      learn(gazetteer);
      const doc = nlp.readDoc(text);
      const tokensSel = doc.tokens();
      const values = tokensSel.out() as string[];
      const normals = tokensSel.out(its.normal) as string[];
      const spaces = tokensSel.out(its.precedingSpaces) as string[];
      const flags = tokensSel.out(its.negationFlag) as unknown as boolean[];
      const pos = tokensSel.out(its.pos) as string[];
      const sentenceSpans = doc.sentences().out(its.span) as unknown as number[][];

      const sentenceOf = new Array<number>(values.length).fill(0);
      sentenceSpans.forEach(([a, b], si) => { for (let i = a ?? 0; i <= (b ?? -1); i++) sentenceOf[i] = si; });

      const starts: number[] = [];
      const ends: number[] = [];
      let cursor = 0;
      for (let i = 0; i < values.length; i++) {
        cursor += (spaces[i] ?? '').length;
        const v = values[i] ?? '';
        // wink reproduces the text exactly; the search is a guard in case a token was normalised.
        const at = text.startsWith(v, cursor) ? cursor : text.indexOf(v, cursor);
        const s = at >= 0 ? at : cursor;
        starts.push(s);
        ends.push(s + v.length);
        cursor = s + v.length;
      }

      const { clauseOf, negated } = assignClauses(values.map((_, i) => ({
        normal: normals[i] ?? '', precedingSpaces: spaces[i] ?? '', negationFlag: flags[i] === true, sentence: sentenceOf[i] ?? 0,
      })));

      const tokens: TokenInfo[] = values.map((v, i) => ({
        value: v, normal: normals[i] ?? '', pos: pos[i] ?? '', start: starts[i] ?? 0, end: ends[i] ?? 0, sentence: sentenceOf[i] ?? 0, clause: clauseOf[i] ?? 0,
      }));

      const spansOf = (details: { value: string; type: string }[], spans: number[][]): EntitySpan[] =>
        details.map((d, k) => {
          const [a = 0, b = a] = spans[k] ?? [];
          return { type: d.type, value: d.value, start: starts[a] ?? 0, end: ends[b] ?? 0, firstToken: a, lastToken: b };
        });
      const ents = doc.entities();
      const cust = doc.customEntities();
      return {
        text,
        tokens,
        sentences: sentenceSpans.map(([a = 0, b = 0]) => ({ start: starts[a] ?? 0, end: ends[b] ?? 0 })),
        entities: spansOf(ents.out(its.detail) as unknown as { value: string; type: string }[], ents.out(its.span) as unknown as number[][]),
        custom: spansOf(cust.out(its.detail) as unknown as { value: string; type: string }[], cust.out(its.span) as unknown as number[][]),
        clauseNegated: negated,
      };
    },
  };
}

/** Index of the token covering character `pos` (or the nearest one before it). */
export function tokenAt(a: TextAnalysis, pos: number): number {
  let lo = 0;
  let hi = a.tokens.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((a.tokens[mid]?.start ?? 0) <= pos) { best = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return best;
}

/** Whether the clause holding characters [start, end) is negated. */
export function isNegatedAt(a: TextAnalysis, start: number, end: number): boolean {
  if (a.tokens.length === 0) return false;
  const first = tokenAt(a, start);
  const last = tokenAt(a, Math.max(start, end - 1));
  for (let i = first; i <= last; i++) if (a.clauseNegated[a.tokens[i]?.clause ?? 0]) return true;
  return false;
}

/** The sentence text around characters [start, end). */
export function sentenceAt(a: TextAnalysis, start: number): { start: number; end: number; text: string } {
  const s = a.sentences.find((x) => start >= x.start && start < Math.max(x.end, x.start + 1)) ?? { start: 0, end: a.text.length };
  return { ...s, text: a.text.slice(s.start, s.end) };
}

/** The clause text (start, end) holding character `pos`. */
export function clauseAt(a: TextAnalysis, pos: number): { start: number; end: number; text: string; negated: boolean } {
  if (a.tokens.length === 0) return { start: 0, end: 0, text: '', negated: false };
  const c = a.tokens[tokenAt(a, pos)]?.clause ?? 0;
  let start = a.text.length;
  let end = 0;
  for (const t of a.tokens) if (t.clause === c) { start = Math.min(start, t.start); end = Math.max(end, t.end); }
  return { start, end, text: a.text.slice(start, end), negated: a.clauseNegated[c] === true };
}
