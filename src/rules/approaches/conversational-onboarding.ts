import type { RulesBotFactory } from '../bot.js';
import { botFrom, type Action } from '../dialogue/action.js';
import { Assistant, type FaqDoc } from '../dialogue/assistant.js';
import { defaultRoutes, respond, type RouteTable, type TurnCtx } from '../dialogue/routes.js';
import { agentTexts, customerTexts, lastAgentText } from '../dialogue/transcript.js';
import { sentences } from '../text/tokens.js';

export const STEP_CHECK = "Did that work? Reply 'yes' or tell me what went wrong.";

/** An article's fixed step list: its own numbered steps if it has them, else one step per sentence. */
export function stepsOf(text: string): string[] {
  const numbered = text.split(/(?:^|\s)(?:\d{1,2}[.)]|step \d{1,2}:?)\s+/i).map((s) => s.trim()).filter(Boolean);
  return numbered.length >= 2 ? numbered : sentences(text);
}

const docTitle = (d: FaqDoc): string => (d.kind === 'kb' ? d.article.title : d.policy.name);
const docText = (d: FaqDoc): string => (d.kind === 'kb' ? d.article.text : d.policy.text);

function stepsAnswer(d: FaqDoc): string {
  const steps = stepsOf(docText(d));
  if (steps.length < 2) return `Here is what I found about "${docTitle(d)}": ${docText(d)} ${STEP_CHECK}`;
  return `Here are the steps for "${docTitle(d)}":\n${steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}\n${STEP_CHECK}`;
}

/** Decision tree: first failure -> the next-best article not yet shown; second failure or nothing left -> a human. */
function nextNode(c: TurnCtx): Action {
  const shown = agentTexts(c.turns).join('\n');
  const failures = agentTexts(c.turns).filter((t) => t.startsWith("I'm sorry that didn't work")).length;
  const query = customerTexts(c.turns).join(' ');
  const next = c.a.searchFaq(query, 5).map((h) => h.doc.payload).find((d) => !shown.includes(`"${docTitle(d)}"`));
  if (failures >= 1 || !next) return c.a.escalate('setup not resolved by the onboarding wizard');
  return { text: `I'm sorry that didn't work. Let's try another approach. ${stepsAnswer(next)}` };
}

/** Counterpart of conversational onboarding: a decision-tree wizard over the help articles with fixed step lists. */
export const onboardingBot: RulesBotFactory = async (r) => {
  const a = await Assistant.create(r, 'conversational-onboarding');
  const base = defaultRoutes();
  const afterSteps = (c: TurnCtx): boolean => lastAgentText(c.turns).endsWith(STEP_CHECK);
  const table: RouteTable = {
    ...base,
    faq: (c) => (c.doc ? { text: stepsAnswer(c.doc) } : a.fallback()),
    'product-search': (c) => { const hit = a.searchFaq(c.text)[0]; return hit ? { text: stepsAnswer(hit.doc.payload) } : a.fallback(); },
    'not-resolved': nextNode,
    decline: (c) => (afterSteps(c) ? nextNode(c) : base.decline(c)),
    affirm: (c) => (afterSteps(c) ? { text: a.fill("Great, you're all set, {{firstName}}! Is there anything else you'd like to set up?") } : base.affirm(c)),
  };
  return botFrom((turns) => respond(a, turns, table));
};
