import type { FeedbackCorpus } from '../../src/schema/datasets.js';
import type { Evaluator, Evidence, MetricInfo } from '../../src/score/types.js';
import { deterministicLabel } from '../../src/score/types.js';
import { notScorable, toolCalls } from '../resolution/transcript.js';
import { matchTheme, SubmittedThemeSchema, type GoldTheme, type SubmittedTheme } from './themes.js';
import { scorer, type MetricIdOf } from '../nlp/score.js';

const ID = 'insight-feedback';
const VERSION = 1;
const LABEL = deterministicLabel(ID, VERSION);

const METRICS = [
  { id: 'insight.theme_precision', family: 'insight', title: 'Theme precision', unit: 'rate', direction: 'higher-better', description: 'Share of submitted themes that match a gold theme present in the items given (label/keyword rule in evaluators/insight/themes.ts).' },
  { id: 'insight.theme_recall', family: 'insight', title: 'Theme recall', unit: 'rate', direction: 'higher-better', description: 'Share of the gold themes present in the items given that some submitted theme matches.' },
  { id: 'insight.sentiment_accuracy', family: 'insight', title: 'Theme sentiment accuracy', unit: 'rate', direction: 'higher-better', description: "Share of matched themes whose sentiment equals the majority gold sentiment of that theme's items (ties accept any tied value)." },
  { id: 'insight.unsupported', family: 'insight', title: 'Unsupported themes', unit: 'rate', direction: 'lower-better', description: 'Share of submitted themes with no evidence, an evidence id not in the items given, or a cited item that does not carry the matched gold theme (unmatched themes count as unsupported).' },
] as const satisfies readonly MetricInfo[];

type Submitted = { theme: SubmittedTheme | null; raw: unknown; turn: number };

function submittedThemes(c: Parameters<Evaluator['score']>[0]): Submitted[] {
  return toolCalls(c, 'submit_insights').flatMap(({ turn, call }) => {
    const themes = call.arguments['themes'];
    if (!Array.isArray(themes)) return [];
    return themes.map((raw: unknown) => {
      const p = SubmittedThemeSchema.safeParse(raw);
      return { theme: p.success ? p.data : null, raw, turn };
    });
  });
}

function majoritySentiments(g: GoldTheme, items: FeedbackCorpus['items']): Set<string> {
  const counts = new Map<string, number>();
  for (const it of items) if (it.themes.includes(g.id)) counts.set(it.sentiment, (counts.get(it.sentiment) ?? 0) + 1);
  const max = Math.max(0, ...counts.values());
  return new Set([...counts].filter(([, n]) => n === max).map(([s]) => s));
}

export const feedbackInsightEvaluator: Evaluator = {
  id: ID,
  version: VERSION,
  description: 'Feedback-insight analysis against the gold themes of the corpus slice the agent was given.',
  metrics: [...METRICS],
  score: async (c, r) => {
    if (r.corpus?.kind !== 'feedback') return [];
    const s = scorer<MetricIdOf<typeof METRICS>>(LABEL);
    const why = notScorable(c);
    if (why) return METRICS.map((m) => s(m.id, null, why));

    const gold = r.corpus.gold as FeedbackCorpus;
    const given = new Set(r.corpus.goldItemIds);
    const items = gold.items.filter((it) => given.has(it.id));
    const itemThemes = new Map(items.map((it) => [it.id, it.themes]));
    const present = gold.themes.filter((g) => items.some((it) => it.themes.includes(g.id)));
    if (!present.length) return METRICS.map((m) => s(m.id, null, 'the corpus slice given to the agent is empty'));
    const submitted = submittedThemes(c);

    const judged = submitted.map((x) => {
      if (!x.theme) return { ...x, match: null, support: 'does not match the submit_insights theme schema' };
      const t = x.theme;
      const match = matchTheme(t, present, itemThemes);
      const absent = t.evidenceIds.filter((id) => !given.has(id));
      const notCarrying = match ? t.evidenceIds.filter((id) => given.has(id) && !itemThemes.get(id)?.includes(match.gold.id)) : [];
      const support = !t.evidenceIds.length ? 'no evidence ids'
        : absent.length ? `evidence ids not in the corpus: ${absent.join(', ')}`
        : !match ? 'matches no gold theme present, so its evidence cannot carry it'
        : notCarrying.length ? `cited items without theme ${match.gold.id}: ${notCarrying.join(', ')}`
        : null;
      return { ...x, match, support };
    });

    const matched = judged.filter((j) => j.match);
    const recalled = present.filter((g) => matched.some((j) => j.match?.gold.id === g.id));
    const themeEvidence: Evidence[] = judged.map((j) => ({
      turn: j.turn,
      quote: j.theme?.label ?? JSON.stringify(j.raw),
      note: j.match ? `matches gold ${j.match.gold.id} (score ${j.match.score})` : 'no gold match',
    }));
    const sentimentChecks = matched.map((j) => {
      const want = majoritySentiments(j.match!.gold, items);
      return { j, ok: want.has(j.theme!.sentiment ?? ''), want: [...want].join('/') };
    });
    const unsupported = judged.filter((j) => j.support !== null);
    const none = 'no themes submitted with submit_insights';
    return [
      submitted.length
        ? s('insight.theme_precision', matched.length / submitted.length, `${matched.length}/${submitted.length} submitted themes match a present gold theme`, themeEvidence)
        : s('insight.theme_precision', null, none),
      s('insight.theme_recall', recalled.length / present.length, `${recalled.length}/${present.length} present gold themes found${submitted.length ? '' : ` (${none})`}`,
        present.map((g) => ({ note: `${g.id}: ${recalled.includes(g) ? 'found' : 'missed'}` }))),
      sentimentChecks.length
        ? s('insight.sentiment_accuracy', sentimentChecks.filter((x) => x.ok).length / sentimentChecks.length, `${sentimentChecks.filter((x) => x.ok).length}/${sentimentChecks.length} matched themes carry the majority gold sentiment`,
          sentimentChecks.map((x) => ({ turn: x.j.turn, quote: x.j.theme!.label, note: `said ${x.j.theme!.sentiment ?? 'nothing'}, gold ${x.want}` })))
        : s('insight.sentiment_accuracy', null, 'no submitted theme matched a gold theme'),
      submitted.length
        ? s('insight.unsupported', unsupported.length / submitted.length, `${unsupported.length}/${submitted.length} submitted themes lack valid supporting evidence`,
          unsupported.map((j) => ({ turn: j.turn, quote: j.theme?.label ?? JSON.stringify(j.raw), note: j.support ?? '' })))
        : s('insight.unsupported', null, none),
    ];
  },
};
