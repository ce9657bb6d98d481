import { z } from 'zod';
import type { IdeaPool } from '../../src/schema/datasets.js';
import type { Evaluator, MetricInfo } from '../../src/score/types.js';
import { deterministicLabel } from '../../src/score/types.js';
import { notScorable, toolCalls } from '../resolution/transcript.js';
import { scorer, type MetricIdOf } from '../nlp/score.js';

const ID = 'insight-synthesis';
const VERSION = 1;
const LABEL = deterministicLabel(ID, VERSION);

const METRICS = [
  { id: 'synthesis.cluster_recall', family: 'synthesis', title: 'Cluster recall', unit: 'rate', direction: 'higher-better', description: 'Share of the gold idea clusters present in the pool given that are the plurality cluster of at least one submitted proposal.' },
  { id: 'synthesis.idea_coverage', family: 'synthesis', title: 'Idea coverage', unit: 'rate', direction: 'higher-better', description: "Share of the pool's ideas cited by at least one submitted proposal (credits every participant's contribution)." },
] as const satisfies readonly MetricInfo[];

const ProposalSchema = z.object({ title: z.string().default(''), ideaIds: z.array(z.union([z.string(), z.number()]).transform(String)).default([]) });

/** The cluster(s) most of a proposal's valid idea ids belong to; ties keep all tied clusters. */
function pluralityClusters(ids: string[], clusterOf: Map<string, string>): string[] {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const cl = clusterOf.get(id);
    if (cl) counts.set(cl, (counts.get(cl) ?? 0) + 1);
  }
  const max = Math.max(0, ...counts.values());
  return max ? [...counts].filter(([, n]) => n === max).map(([c]) => c) : [];
}

export const synthesisEvaluator: Evaluator = {
  id: ID,
  version: VERSION,
  description: 'Co-creation synthesis against the gold idea clusters of the pool the agent was given.',
  metrics: [...METRICS],
  score: async (c, r) => {
    if (r.corpus?.kind !== 'ideas') return [];
    const s = scorer<MetricIdOf<typeof METRICS>>(LABEL);
    const why = notScorable(c);
    if (why) return METRICS.map((m) => s(m.id, null, why));

    if (!r.corpus.goldItemIds.length) return METRICS.map((m) => s(m.id, null, 'the corpus slice given to the agent is empty'));
    const pool = r.corpus.gold as IdeaPool;
    const given = new Set(r.corpus.goldItemIds);
    const clusterOf = new Map(pool.items.filter((it) => given.has(it.id)).map((it) => [it.id, it.cluster]));
    const present = [...new Set(clusterOf.values())];
    const proposals = toolCalls(c, 'submit_synthesis').flatMap(({ turn, call }) => {
      const list = call.arguments['proposals'];
      return Array.isArray(list) ? list.flatMap((p: unknown) => { const x = ProposalSchema.safeParse(p); return x.success ? [{ turn, ...x.data }] : []; }) : [];
    });
    const per = proposals.map((p) => ({ p, clusters: pluralityClusters(p.ideaIds, clusterOf), unknown: p.ideaIds.filter((id) => !given.has(id)) }));
    const recovered = present.filter((cl) => per.some((x) => x.clusters.includes(cl)));
    const cited = new Set(proposals.flatMap((p) => p.ideaIds).filter((id) => given.has(id)));
    const none = proposals.length ? '' : ' (no proposals submitted with submit_synthesis)';
    return [
      s('synthesis.cluster_recall', recovered.length / present.length, `${recovered.length}/${present.length} gold clusters recovered${none}`,
        per.map((x) => ({ turn: x.p.turn, quote: x.p.title, note: `plurality cluster ${x.clusters.join('/') || 'none'}${x.unknown.length ? `; ids not in the pool: ${x.unknown.join(', ')}` : ''}` }))),
      s('synthesis.idea_coverage', cited.size / given.size, `${cited.size}/${given.size} ideas cited${none}`),
    ];
  },
};
