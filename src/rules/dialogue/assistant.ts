import type { Turn } from '../../core/types.js';
import { APPROACHES } from '../../approaches/index.js';
import type { ToolName } from '../../approaches/tools.js';
import type { KbArticle, Policy } from '../../plan/datasets.js';
import type { ResolvedScenario } from '../../plan/material.js';
import type { ApproachId } from '../../schema/approach.js';
import { intentModelFor, type Classified, type IntentModel } from '../nlp/intent-model.js';
import { Bm25Index, type Bm25Hit } from '../text/bm25.js';
import { merge } from '../text/template.js';
import { stem, words } from '../text/tokens.js';
import type { Action } from './action.js';
import { agentTexts, customerTexts } from './transcript.js';

export type FaqDoc = { kind: 'kb'; article: KbArticle } | { kind: 'policy'; policy: Policy };

/** Classifier confidence above which the intent is trusted (NLP.js's own default); below it the bot searches the FAQ. */
export const INTENT_THRESHOLD = 0.5;
/** Minimum BM25 score for an FAQ hit (tuned on small help centres of 3-15 articles). */
export const FAQ_THRESHOLD = 1.2;

/** Fixed texts; several double as state markers, because the bot reads its own past turns instead of keeping state. */
export const TEXT = {
  greeting: "Hi {{firstName}}! I'm an automated virtual assistant.",
  disclosure: "I'm an automated assistant (a chatbot), not a human.",
  offerHuman: 'If you would like to speak with a person, I can connect you with a human colleague.',
  contactHuman: 'If you would like to speak with a person, you can reach our team at {{contact}}.',
  fallback: "I'm sorry, I didn't understand. Could you rephrase?",
  fallbackContact: 'You can also reach us at {{contact}}.',
  askOrder: 'Sure, I can check that for you. What is your order number?',
  escalate: "I'm transferring you to a human colleague who can help you further. Please stay in this chat.",
  anythingElse: 'Is there anything else I can help you with?',
} as const;

/** Cases a support desk routes to a person no matter what the bot thinks it understood. */
export const ESCALATION_KEYWORDS = [
  'fraud', 'fraudulent', 'scam', 'unauthorized', 'unauthorised', 'stolen', 'identity theft', 'hacked', 'lawyer', 'attorney',
  'legal action', 'sue', 'lawsuit', 'court', 'ombudsman', 'regulator', 'bereavement', 'passed away', 'died', 'death',
  'deceased', 'funeral', 'suicide', 'self-harm', 'harassment', 'discrimination', 'data breach', 'gdpr request', 'dispute',
  'chargeback',
];

/**
 * The disclosure safety rule: "are you a bot / am I talking to a human" is answered truthfully even inside a mixed
 * message the classifier would file elsewhere (bot-disclosure laws make this a hard rule, not an intent).
 */
const BOT_CHECK = /\b(?:are you|is this|am i (?:talking|chatting|speaking|writing) (?:to|with)|r u)\b[^.?!]{0,15}\b(?:bot|robot|human|real person|person|ai|machine|automated|computer)\b/i;
export const asksIfBot = (text: string): boolean => BOT_CHECK.test(text);

export function escalationKeyword(text: string): string | undefined {
  const ws = words(text);
  const t = ` ${ws.join(' ')} `;
  const stems = new Set(ws.map(stem));
  return ESCALATION_KEYWORDS.find((k) => {
    const kw = words(k);
    return kw.length > 1 ? t.includes(` ${kw.join(' ')} `) : stems.has(stem(kw[0] ?? ''));
  });
}

/** Regexes for the company's order-number format, learnt from the shape of its order ids (letters kept, digits generalised). */
function orderShapes(ids: string[]): RegExp[] {
  const shapes = new Set(ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\d+/g, (d) => `\\d{${d.length}}`)));
  return [...shapes].map((s) => new RegExp(`(?<![A-Za-z0-9])${s}(?![A-Za-z0-9])`, 'i'));
}

/** Per-cell helper shared by the dialogue bots: understanding, FAQ retrieval, canned texts, tool availability. */
export class Assistant {
  private readonly memo = new Map<string, Promise<Classified>>();
  private readonly shapes: RegExp[];
  readonly tools: ReadonlySet<ToolName>;
  readonly faq: Bm25Index<FaqDoc>;

  private constructor(readonly r: ResolvedScenario, readonly approach: ApproachId, private readonly model: IntentModel) {
    this.tools = new Set(APPROACHES[approach].meta.tools);
    this.faq = new Bm25Index<FaqDoc>([
      ...r.kb.map((a) => ({ id: a.id, text: `${a.title}. ${a.title}. ${a.text} ${a.questions.join(' ')}`, payload: { kind: 'kb' as const, article: a } })),
      ...r.policies.map((p) => ({ id: p.id, text: `${p.name}. ${p.name}. ${p.text}`, payload: { kind: 'policy' as const, policy: p } })),
    ]);
    this.shapes = orderShapes(r.scenario.orders.map((o) => o.id));
  }

  static async create(r: ResolvedScenario, approach: ApproachId): Promise<Assistant> {
    return new Assistant(r, approach, await intentModelFor(r.scenario.domain, r.kb));
  }

  has(tool: ToolName): boolean { return this.tools.has(tool); }

  understand(text: string): Promise<Classified> {
    let p = this.memo.get(text);
    if (!p) { p = this.model.classify(text); this.memo.set(text, p); }
    return p;
  }

  /** Classifications of every customer turn so far (for rules such as "complaint twice"). */
  history(turns: Turn[]): Promise<Classified[]> {
    return Promise.all(customerTexts(turns).map((t) => this.understand(t)));
  }

  get firstName(): string { return this.r.scenario.persona.firstName; }

  /** The first allowed contact point; a bot never makes one up. */
  get contact(): string | undefined { return this.r.contacts[0]; }

  fill(template: string, extra: Record<string, string | number | undefined> = {}): string {
    return merge(template, { firstName: this.firstName, lastName: this.r.scenario.persona.lastName, contact: this.contact, ...extra });
  }

  searchFaq(text: string, limit = 3): Bm25Hit<FaqDoc>[] {
    return this.faq.search(text, limit).filter((h) => h.score >= FAQ_THRESHOLD);
  }

  faqDoc(kbId: string): FaqDoc | undefined {
    const article = this.r.kb.find((a) => a.id === kbId);
    return article ? { kind: 'kb', article } : undefined;
  }

  answerDoc(doc: FaqDoc): string {
    return doc.kind === 'kb'
      ? `Here is what I found about "${doc.article.title}": ${doc.article.text} Did that answer your question?`
      : `Here is our ${doc.policy.name}: ${doc.policy.text} Did that answer your question?`;
  }

  findOrderId(text: string, u: Classified): string | undefined {
    for (const re of this.shapes) {
      const m = text.match(re);
      if (m) return m[0];
    }
    const e = u.entities.orderId[0];
    return e ? e.replace(/^#/, '') : undefined;
  }

  /** The bot-disclosure answer to "am I talking to a human?". */
  disclosure(): Action {
    return { text: `${TEXT.disclosure} ${this.humanRoute()}` };
  }

  humanRoute(): string {
    if (this.has('escalate_to_human')) return TEXT.offerHuman;
    return this.contact ? this.fill(TEXT.contactHuman) : '';
  }

  escalate(reason: string): Action {
    if (!this.has('escalate_to_human')) return { text: this.fill(`I'm not able to help with this here. ${this.contact ? TEXT.contactHuman : ''}`) };
    return { text: TEXT.escalate, calls: [{ name: 'escalate_to_human', arguments: { reason } }] };
  }

  fallback(): Action {
    return { text: this.contact ? `${TEXT.fallback} ${this.fill(TEXT.fallbackContact)}` : TEXT.fallback };
  }

  /** Prefixes the standard greeting (which discloses automation) to the first thing the customer sees. */
  greet(turns: Turn[], action: Action): Action {
    if (agentTexts(turns).length) return action;
    const hello = this.fill(TEXT.greeting);
    if (!action.text && action.after) {
      const after = action.after;
      return { ...action, after: (res) => `${hello} ${after(res)}` };
    }
    return { ...action, text: action.text ? `${hello} ${action.text}` : hello };
  }
}
