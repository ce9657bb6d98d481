import type { RulesBotFactory } from '../bot.js';
import { botFrom } from '../dialogue/action.js';
import { Assistant } from '../dialogue/assistant.js';
import { defaultRoutes, respond, type RouteTable } from '../dialogue/routes.js';

/** Sentiment below this prefixes the canned apology, the usual "negative sentiment" trigger of a support bot. */
const APOLOGY_SENTIMENT = -0.3;
const APOLOGY = "I'm sorry for the inconvenience.";

/**
 * Counterpart of the empathic support agent: an intent classifier with canned answers per intent, FAQ retrieval, order
 * lookup by slot filling and a fixed escalation rule (human requested, second complaint, or a hard keyword).
 */
export const empathicSupportBot: RulesBotFactory = async (r) => {
  const a = await Assistant.create(r, 'empathic-support-agent');
  const base = defaultRoutes();
  const table: RouteTable = {
    ...base,
    faq: async (c) => {
      const act = await base.faq(c);
      return c.u.sentiment <= APOLOGY_SENTIMENT ? { ...act, text: `${APOLOGY} ${act.text}` } : act;
    },
  };
  return botFrom((turns) => respond(a, turns, table));
};
