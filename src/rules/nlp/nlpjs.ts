import { createRequire } from 'node:module';

/** The slice of NLP.js (v4, CommonJS, untyped) the rule bots use. */
export interface NlpEntity {
  entity: string;
  sourceText?: string;
  utteranceText?: string;
  start?: number;
  end?: number;
}

export interface NlpResult {
  intent: string;
  score: number;
  classifications?: { intent: string; score: number }[];
  entities?: NlpEntity[];
  sentiment?: { score: number; vote?: string };
}

export interface NlpInstance {
  addDocument(locale: string, utterance: string, intent: string): void;
  addNerRegexRule(locale: string, entity: string, regex: RegExp): void;
  train(): Promise<unknown>;
  process(locale: string, utterance: string, context?: Record<string, unknown>): Promise<NlpResult>;
  use(plugin: unknown): void;
}

type NlpCtor = new (settings: Record<string, unknown>) => NlpInstance;

let loaded: { Nlp: NlpCtor; LangEn: unknown } | undefined;

/**
 * Loads the NLP engine of @nlpjs/basic without the rest of it: basic's index also builds a pino logger at import time
 * (a deprecation warning on stderr) and a console connector we never use. The two packages are resolved from basic's
 * own location, so they are exactly the versions basic declares.
 */
function load(): { Nlp: NlpCtor; LangEn: unknown } {
  if (loaded) return loaded;
  const req = createRequire(import.meta.url);
  const fromBasic = createRequire(req.resolve('@nlpjs/basic'));
  const { Nlp } = fromBasic('@nlpjs/nlp') as { Nlp: NlpCtor };
  const { LangEn } = fromBasic('@nlpjs/lang-en') as { LangEn: unknown };
  loaded = { Nlp, LangEn };
  return loaded;
}

/** A fresh English NLP manager that never touches disk or stdout (no model file, no training log). */
export function createNlp(): NlpInstance {
  const { Nlp, LangEn } = load();
  const nlp = new Nlp({
    languages: ['en'],
    autoSave: false,
    autoLoad: false,
    // Our own threshold decides; keep NLP.js from replacing low scores with "None".
    threshold: 0,
    forceNER: true,
    calculateSentiment: true,
    nlu: { log: false },
  });
  nlp.use(LangEn);
  return nlp;
}
