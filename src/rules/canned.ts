import type { RulesBotFactory } from './bot.js';

/** Temporary: one canned answer. Replaced by the per-approach rule bots. */
export const cannedBot: RulesBotFactory = async () => ({
  async reply() {
    return { speaker: 'agent', text: 'Thank you for contacting us. An agent will review your request.' };
  },
});
