import type { Scenario } from '../schema/scenario.js';
import type { FeedbackCorpus, IdeaPool } from '../schema/datasets.js';
import type { CatalogItem, CrmProfile, DatasetIndex, KbArticle, Policy, Signal } from './datasets.js';
import type { VariantChoice } from './personas.js';
import type { ToolClass } from '../approaches/tool-classes.js';

/** Corpus items given to an analysis-mode agent (feedback or ideas), without the gold labels. */
export interface CorpusView {
  id: string;
  kind: 'feedback' | 'ideas';
  items: { id: string; text: string }[];
  /** Kept for scorers only; never shown to the agent. */
  gold: FeedbackCorpus | IdeaPool;
  goldItemIds: string[];
}

/** A scenario with its persona variant applied and every dataset reference resolved. */
export interface ResolvedScenario {
  scenario: Scenario;
  variant: VariantChoice;
  catalog: CatalogItem[];
  policies: Policy[];
  kb: KbArticle[];
  crm: CrmProfile | undefined;
  signals: Signal[];
  corpus: CorpusView | undefined;
  /** Contact points the agent may give. */
  contacts: string[];
  /** Classes of tools beyond the bundled ones (imported transcripts); see src/approaches/tool-classes.ts. */
  toolClasses?: Record<string, ToolClass>;
}

export function resolveScenario(scenario: Scenario, variant: VariantChoice, data: DatasetIndex): ResolvedScenario {
  const pick = <T>(ids: string[], map: Map<string, T>): T[] => ids.map((id) => map.get(id)).filter((x): x is T => x !== undefined);
  let corpus: CorpusView | undefined;
  const ref = scenario.refs.corpus;
  if (ref) {
    const c = data.corpora.get(ref.id);
    if (c) {
      const all = c.kind === 'feedback' ? c.items.filter((it) => !ref.tag || it.tags.includes(ref.tag)) : c.items;
      const chosen = ref.limit ? all.slice(0, ref.limit) : all;
      corpus = { id: c.id, kind: c.kind, items: chosen.map((it) => ({ id: it.id, text: it.text })), gold: c, goldItemIds: chosen.map((it) => it.id) };
    }
  }
  return {
    scenario,
    variant,
    catalog: pick(scenario.refs.catalog, data.catalog),
    policies: pick(scenario.refs.policies, data.policies),
    kb: pick(scenario.refs.kb, data.kb),
    crm: scenario.refs.crm ? data.crm.get(scenario.refs.crm) : undefined,
    signals: pick(scenario.refs.signals, data.signals),
    corpus,
    contacts: data.contacts.get(scenario.domain) ?? [],
  };
}
