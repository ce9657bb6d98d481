import type { KbArticle } from '../../plan/datasets.js';
import { fnv1a } from '../text/tokens.js';
import { GENERIC_UTTERANCES, isGenericIntent, type GenericIntent } from './generic-intents.js';
import { Lru } from './lru.js';
import { createNlp, type NlpInstance } from './nlpjs.js';

/** Regex entities registered with NLP.js NER; values are parsed from the matched text by the callers. */
export const ENTITY_PATTERNS = {
  orderId: /\b[A-Z]{1,5}-?\d{3,10}(?:-\d{1,6})?\b|#\d{3,12}\b/gi,
  money: /[$€£]\s?\d+(?:,\d{3})*(?:\.\d{1,2})?|\b\d+(?:,\d{3})*(?:\.\d{1,2})?\s?(?:dollars|usd|eur|euros?|gbp|pounds|bucks)\b/gi,
  percent: /\b\d{1,3}(?:\.\d+)?\s?(?:%|percent\b|per cent\b)/gi,
} as const;
export type EntityKind = keyof typeof ENTITY_PATTERNS;

export interface Classified {
  /** A generic intent, `kb:<articleId>`, or `None`. */
  intent: string;
  score: number;
  generic: GenericIntent | undefined;
  kbId: string | undefined;
  entities: Record<EntityKind, string[]>;
  /** NLP.js (AFINN-based) sentiment score of the utterance; negative below 0. */
  sentiment: number;
}

export const kbIntent = (id: string): string => `kb:${id}`;

export class IntentModel {
  constructor(private readonly nlp: NlpInstance) {}

  async classify(text: string): Promise<Classified> {
    // A fresh context per call: the shared model must not carry one cell's conversation into another.
    const out = await this.nlp.process('en', text, {});
    const top = [...(out.classifications ?? [])].sort((a, b) => b.score - a.score)[0] ?? { intent: 'None', score: 0 };
    const entities: Record<EntityKind, string[]> = { orderId: [], money: [], percent: [] };
    for (const e of out.entities ?? []) {
      if (e.entity in entities) entities[e.entity as EntityKind].push(e.sourceText ?? e.utteranceText ?? '');
    }
    return {
      intent: top.intent,
      score: top.score,
      generic: isGenericIntent(top.intent) ? top.intent : undefined,
      kbId: top.intent.startsWith('kb:') ? top.intent.slice(3) : undefined,
      entities,
      sentiment: out.sentiment?.score ?? 0,
    };
  }
}

/** Cache key of a knowledge set: domain, sorted article ids and a hash of their example questions. */
export function knowledgeKey(domain: string, kb: KbArticle[]): string {
  const sorted = [...kb].sort((a, b) => a.id.localeCompare(b.id));
  return `${domain}|${sorted.map((a) => a.id).join(',')}|${fnv1a(sorted.map((a) => `${a.title}\n${a.questions.join('\n')}`).join('\n\n'))}`;
}

async function train(kb: KbArticle[]): Promise<IntentModel> {
  const nlp = createNlp();
  for (const [intent, utterances] of Object.entries(GENERIC_UTTERANCES)) for (const u of utterances) nlp.addDocument('en', u, intent);
  // Sorted so the same knowledge set trains the same network whatever order the scenario lists it in.
  for (const a of [...kb].sort((x, y) => x.id.localeCompare(y.id))) {
    const examples = a.questions.length ? a.questions : [a.title];
    for (const q of examples) nlp.addDocument('en', q, kbIntent(a.id));
  }
  for (const [name, re] of Object.entries(ENTITY_PATTERNS)) nlp.addNerRegexRule('en', name, re);
  await nlp.train();
  return new IntentModel(nlp);
}

/** Hundreds of persona-variant cells share one knowledge set: train once, keep the 64 most recently used. */
const cache = new Lru<string, Promise<IntentModel>>(64);
let trainings = 0;

export function intentModelFor(domain: string, kb: KbArticle[]): Promise<IntentModel> {
  const key = knowledgeKey(domain, kb);
  const hit = cache.get(key);
  if (hit) return hit;
  trainings++;
  const p = train(kb);
  // Never cache a failure: the next cell retries.
  p.catch(() => cache.delete(key));
  cache.set(key, p);
  return p;
}

/** For tests and the benchmark: how many models were actually trained in this process. */
export const trainingCount = (): number => trainings;

export type { GenericIntent };
