import type { RulesBotFactory } from '../bot.js';
import { clusterIdeas } from '../analysis/idea-clusters.js';
import { botFrom } from '../dialogue/action.js';

const QUOTED = 3;

/**
 * Counterpart of co-creation facilitation: a tally of participant ideas grouped by shared keywords, the largest groups
 * first, each listed with verbatim ideas. It reads idea ids and texts only; votes and gold clusters are not visible.
 */
export const coCreationBot: RulesBotFactory = async (r) => {
  const items = (r.corpus?.items ?? []).map((it) => ({ id: it.id, text: it.text }));
  return botFrom(async () => {
    const { clusters, rest } = clusterIdeas(items);
    const proposals = clusters.map((c) => ({
      title: `Ideas about ${c.keywords.join(' and ')}`,
      summary: `${c.ideaIds.length} ideas. ${c.texts.slice(0, QUOTED).map((t) => `"${t}"`).join(' ')}`,
      ideaIds: c.ideaIds,
    }));
    if (rest.length) proposals.push({ title: 'Other ideas', summary: `${rest.length} ideas that share no keyword with others.`, ideaIds: rest.map((x) => x.id) });
    const text = [
      `Automated keyword tally of ${items.length} participant ideas, largest groups first:`,
      ...proposals.map((p, i) => `${i + 1}. ${p.title}: ${p.summary}`),
    ].join('\n');
    return { text, calls: [{ name: 'submit_synthesis', arguments: { proposals } }] };
  });
};
