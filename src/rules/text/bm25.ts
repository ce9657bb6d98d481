import { terms } from './tokens.js';

export interface Bm25Doc<T> {
  id: string;
  text: string;
  payload: T;
}

export interface Bm25Hit<T> {
  doc: Bm25Doc<T>;
  score: number;
}

/**
 * Okapi BM25 (k1 = 1.2, b = 0.75) over a small document set: the FAQ search box behind a help-centre bot.
 * Scores are not normalised; callers set an absolute threshold per use.
 */
export class Bm25Index<T> {
  private readonly tf: Map<string, number>[];
  private readonly len: number[];
  private readonly df = new Map<string, number>();
  private readonly avgLen: number;

  constructor(readonly docs: Bm25Doc<T>[], private readonly k1 = 1.2, private readonly b = 0.75) {
    this.tf = docs.map((d) => {
      const m = new Map<string, number>();
      for (const t of terms(d.text)) m.set(t, (m.get(t) ?? 0) + 1);
      for (const t of m.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      return m;
    });
    this.len = this.tf.map((m) => [...m.values()].reduce((a, b2) => a + b2, 0));
    this.avgLen = this.len.reduce((a, b2) => a + b2, 0) / Math.max(1, docs.length);
  }

  private idf(t: string): number {
    const n = this.docs.length;
    const df = this.df.get(t) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Best first; ties keep document order so results are stable. */
  search(query: string, limit = 3): Bm25Hit<T>[] {
    const q = [...new Set(terms(query))];
    const hits: Bm25Hit<T>[] = [];
    this.docs.forEach((doc, i) => {
      const tf = this.tf[i]!;
      const dl = this.len[i]!;
      let score = 0;
      for (const t of q) {
        const f = tf.get(t);
        if (!f) continue;
        score += this.idf(t) * ((f * (this.k1 + 1)) / (f + this.k1 * (1 - this.b + (this.b * dl) / (this.avgLen || 1))));
      }
      if (score > 0) hits.push({ doc, score });
    });
    return hits.sort((a, b2) => b2.score - a.score).slice(0, limit);
  }
}
