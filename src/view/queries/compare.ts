/**
 * One scenario's arms side by side: for a persona variant and epoch, each model's conversation on the scenario with
 * its turns and scores. Where several runs stored the same cell, the latest finished one is shown unless a run is named.
 */
import { z } from 'zod';
import { BadRequest } from '../bad-request.js';
import type { ViewerFiles } from '../files.js';
import { DbShape } from '../sql.js';

const text = z.string().min(1).max(500);
export const CompareQuery = z.strictObject({
  ...DbShape, approach: text, scenario: text, variantSet: text.optional(), variantId: text.optional(),
  epoch: z.coerce.number().int().min(0).optional(), run: text.optional(),
});
export type CompareParams = z.infer<typeof CompareQuery>;

export interface CompareArm {
  conversation: Record<string, unknown>;
  turns: { idx: number; speaker: string; text: string; tool_name: string | null }[];
  scores: { metric: string; title: string | null; value: number | null }[];
}
export interface Compare {
  variants: { variant_set: string; variant_id: string; persona_group: string; epochs: number[] }[];
  chosen: { variantSet: string; variantId: string; epoch: number };
  arms: CompareArm[];
}

export async function compare(files: ViewerFiles, p: CompareParams): Promise<Compare> {
  const a = `d${p.db}`;
  const runCond = p.run ? 'AND run_id = ?' : '';
  const base = [p.approach, p.scenario, ...(p.run ? [p.run] : [])];
  const variants = await files.all<Compare['variants'][number]>([p.db], `SELECT variant_set, variant_id, any_value(persona_group) AS persona_group,
      list(DISTINCT epoch ORDER BY epoch) AS epochs, bool_or(is_reference) AS ref
    FROM ${a}.conversations WHERE approach = ? AND scenario_id = ? ${runCond}
    GROUP BY variant_set, variant_id ORDER BY variant_set = 'baseline' DESC, ref DESC, variant_set, variant_id`, base);
  if (!variants.length) throw new BadRequest(`no conversations of scenario ${p.scenario} (${p.approach}) in ${files.file(p.db).label}`, 404);
  const first = variants[0]!;
  const chosen = {
    variantSet: p.variantSet ?? first.variant_set,
    variantId: p.variantId ?? (p.variantSet ? variants.find((v) => v.variant_set === p.variantSet)?.variant_id ?? '' : first.variant_id),
    epoch: p.epoch ?? 0,
  };
  for (const v of variants) v.epochs = (v.epochs as unknown[]).map(Number);
  const convs = await files.all([p.db], `SELECT * FROM ${a}.conversations
    WHERE approach = ? AND scenario_id = ? ${runCond} AND variant_set = ? AND variant_id = ? AND epoch = ?
    QUALIFY row_number() OVER (PARTITION BY model ORDER BY finished_at DESC) = 1
    ORDER BY arm = 'traditional' DESC, model`, [...base, chosen.variantSet, chosen.variantId, chosen.epoch]);
  const keys = convs.map((c) => String(c['cell_key']));
  const inList = keys.map(() => '?').join(',') || 'NULL';
  const hasCatalogue = (await files.all([p.db], `SELECT 1 FROM information_schema.tables WHERE table_catalog = '${a}' AND table_name = 'metrics'`)).length > 0;
  const [msgs, scores] = await Promise.all([
    files.all<CompareArm['turns'][number] & { cell_key: string }>([p.db], `SELECT cell_key, idx, speaker, text, tool_name FROM ${a}.messages WHERE cell_key IN (${inList}) ORDER BY cell_key, idx`, keys),
    files.all<CompareArm['scores'][number] & { cell_key: string }>([p.db], hasCatalogue
      ? `SELECT s.cell_key, s.metric, m.title, s.value FROM ${a}.scores s LEFT JOIN ${a}.metrics m USING (metric) WHERE s.cell_key IN (${inList}) ORDER BY s.metric`
      : `SELECT cell_key, metric, NULL AS title, value FROM ${a}.scores WHERE cell_key IN (${inList}) ORDER BY metric`, keys),
  ]);
  const arms = convs.map((conversation) => {
    const key = String(conversation['cell_key']);
    return {
      conversation,
      turns: msgs.filter((m) => m.cell_key === key).map(({ cell_key: _k, ...m }) => m),
      scores: scores.filter((s) => s.cell_key === key).map(({ cell_key: _k, ...s }) => s),
    };
  });
  return { variants: variants.map(({ variant_set, variant_id, persona_group, epochs }) => ({ variant_set, variant_id, persona_group, epochs })), chosen, arms };
}
