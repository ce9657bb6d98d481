import type { Signal } from '../../plan/datasets.js';
import type { RulesBotFactory } from '../bot.js';
import { botFrom, type Action } from '../dialogue/action.js';
import { Assistant } from '../dialogue/assistant.js';
import { defaultRoutes, respond } from '../dialogue/routes.js';
import { words } from '../text/tokens.js';

type Source = Signal['source'];

interface AlertRule {
  /** Words in the monitoring observation that trip the alert. */
  keywords: string[];
  /** A percentage in the observation at or above this trips it too (usage near the cap, error rates). */
  pctAtLeast?: number;
  /** A percentage at or below this trips it (battery, signal strength). */
  pctAtMost?: number;
  advice: string;
}

/** One threshold rule and one fixed notification per signal source, as in a monitoring-to-CRM alert integration. */
export const ALERT_RULES = {
  usage: { keywords: ['spike', 'exceeded', 'limit', 'cap', 'overage', 'drop', 'unusual', 'roaming', 'inactive'], pctAtLeast: 80, advice: 'You may want to review your plan and usage settings.' },
  iot: { keywords: ['error', 'fault', 'offline', 'fail', 'failure', 'alarm', 'leak', 'overheat', 'disconnected', 'low', 'code'], pctAtMost: 20, advice: 'Please check your device; restarting it often resolves the issue.' },
  billing: { keywords: ['failed', 'declined', 'overdue', 'increase', 'change', 'expired', 'expiring', 'missed', 'double', 'charge'], pctAtLeast: 10, advice: 'Please review your latest statement and payment details.' },
  app: { keywords: ['crash', 'error', 'failed', 'timeout', 'abandoned', 'stuck', 'login', 'version'], pctAtLeast: 5, advice: 'Please make sure you are using the latest version of the app.' },
} satisfies Record<Source, AlertRule>;

/** Alert words every monitoring feed shares, whatever its source. */
const COMMON_ALERT_WORDS = ['error', 'errors', 'fail', 'failed', 'failing', 'failure', 'delayed', 'delay', 'blocked', 'declined', 'overdue',
  'expired', 'expiring', 'twice', 'duplicate', 'spike', 'rose', 'exceeded', 'outage', 'offline', 'paused', 'inactive', 'sold'];

export function alertFires(s: Signal): boolean {
  const rule: AlertRule = ALERT_RULES[s.source];
  const ws = new Set(words(s.observation));
  if ([...COMMON_ALERT_WORDS, ...rule.keywords].some((k) => ws.has(k))) return true;
  if (/no purchase for \d+ months|not been active/i.test(s.observation)) return true;
  const pcts = [...s.observation.matchAll(/(\d{1,3}(?:\.\d+)?)\s?%/g)].map((m) => Number(m[1]));
  return pcts.some((p) => (rule.pctAtLeast !== undefined && p >= rule.pctAtLeast) || (rule.pctAtMost !== undefined && p <= rule.pctAtMost));
}

function opening(a: Assistant): Action {
  // The prediction label of a signal is ground truth for scoring; a threshold rule only ever sees the observation.
  const fired = a.r.signals.filter(alertFires);
  const hello = a.fill("Hello {{firstName}}, this is an automated notification from our customer care team (I'm a virtual assistant).");
  const close = a.fill(`Reply to this message if you need help${a.contact ? ', or contact us at {{contact}}' : ''}.`);
  if (!fired.length) return { text: `${hello} We're checking in to make sure everything is working well for you. ${close}` };
  const lines = fired.map((s) => `Our monitoring system flagged the following: ${s.observation.replace(/\.$/, '')}. ${ALERT_RULES[s.source].advice}`);
  const article = a.searchFaq(fired.map((s) => s.observation).join(' '))[0];
  const help = article?.doc.payload.kind === 'kb' ? `This help article may be useful: "${article.doc.payload.article.title}": ${article.doc.payload.article.text}` : '';
  return { text: [hello, ...lines, help, close].filter(Boolean).join(' ') };
}

/** Counterpart of proactive predictive support: threshold alert -> fixed notification, then the FAQ bot for replies. */
export const proactiveSupportBot: RulesBotFactory = async (r) => {
  const a = await Assistant.create(r, 'proactive-predictive-support');
  const table = defaultRoutes();
  return botFrom(async (turns) => (turns.length === 0 ? opening(a) : respond(a, turns, table)));
};
