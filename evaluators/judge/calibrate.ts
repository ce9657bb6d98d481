import { z } from 'zod';
import type { Backend } from '../../src/core/types.js';
import { EmotionLabelSchema } from '../../src/schema/scenario.js';
import { judgeEpitome } from '../empathy/epitome.js';
import { levelsOf } from '../empathy/detectors.js';
import { krippendorffAlpha, newcombeDiff, weightedKappaQuadratic, type Distance } from './agreement.js';
import { parseCsvRecords } from '../../src/core/csv.js';

/** Judge-vs-human calibration (methods.md §4.4). Column meanings are documented in docs/judge-calibration.md. */

const optionalNumber = z.string().transform((s, ctx) => {
  if (s.trim() === '') return null;
  const n = Number(s);
  if (!Number.isFinite(n)) { ctx.addIssue({ code: 'custom', message: `not a number: ${s}` }); return z.NEVER; }
  return n;
});

export const CalibrationRowSchema = z.object({
  item_id: z.string().min(1),
  metric: z.string().min(1),
  human_label: optionalNumber.pipe(z.number({ error: 'human_label is required' })),
  /** Empty = the judge gave no usable answer for this item (counted, not scored). */
  judge_label: optionalNumber,
  persona_group: z.string().default(''),
});
export type CalibrationRow = z.infer<typeof CalibrationRowSchema>;

export function parseCalibrationCsv(text: string): CalibrationRow[] {
  return parseCsvRecords(text).map((r, i) => {
    const p = CalibrationRowSchema.safeParse(r);
    if (!p.success) throw new Error(`calibration CSV row ${i + 2}: ${z.prettifyError(p.error)}`);
    return p.data;
  });
}

export interface AcceptanceRule {
  /** Krippendorff 2004: .667 lowest for tentative conclusions, .800 customary. */
  minimumAlpha: number;
  targetAlpha: number;
  /** Judge-human agreement may be at most this far below human-human agreement. */
  ceilingSlack: number;
  /** TOST margin on the difference in judge error rates between persona groups (methods.md §2.4: 5 pp for rates). */
  groupMargin: number;
  /** z for the 90% interval that a 5% two-one-sided test needs. */
  z: number;
}
export const DEFAULT_RULE: AcceptanceRule = { minimumAlpha: 0.667, targetAlpha: 0.8, ceilingSlack: 0.05, groupMargin: 0.05, z: 1.645 };

export interface GroupStats { group: string; n: number; errors: number; errorRate: number; meanAbsError: number }
export interface GroupGap { a: string; b: string; diff: number; ci90: [number, number]; equivalent: boolean }

export interface MetricCalibration {
  metric: string;
  n: number;
  missingJudge: number;
  exactAgreement: number | null;
  kappaQuadratic: number | null;
  alphaInterval: number | null;
  alphaNominal: number | null;
  groups: GroupStats[];
  groupGaps: GroupGap[];
  acceptance: { alphaUsed: Distance; alpha: number | null; minimumMet: boolean; targetMet: boolean; ceilingMet: boolean | null; groupParity: boolean | null; accepted: boolean; reasons: string[] };
}

export interface CalibrateOptions {
  rule?: AcceptanceRule;
  /** Metrics whose labels are categories, not ordered levels: accepted on nominal alpha. */
  nominal?: string[];
  /** Human-human alpha per metric (same distance), when two annotators labelled the items. */
  humanHumanAlpha?: Record<string, number>;
}

export function calibrate(rows: CalibrationRow[], opts: CalibrateOptions = {}): MetricCalibration[] {
  const rule = opts.rule ?? DEFAULT_RULE;
  const metrics = [...new Set(rows.map((r) => r.metric))];
  return metrics.map((metric) => {
    const all = rows.filter((r) => r.metric === metric);
    const scored = all.filter((r): r is CalibrationRow & { judge_label: number } => r.judge_label !== null);
    const pairs = scored.map((r): [number, number] => [r.human_label, r.judge_label]);
    const units = pairs.map(([h, j]) => [h, j]);
    const alphaInterval = krippendorffAlpha(units, 'interval');
    const alphaNominal = krippendorffAlpha(units, 'nominal');
    const groups = [...new Set(scored.map((r) => r.persona_group))].map((group): GroupStats => {
      const g = scored.filter((r) => r.persona_group === group);
      const errors = g.filter((r) => r.judge_label !== r.human_label).length;
      return { group, n: g.length, errors, errorRate: errors / g.length, meanAbsError: g.reduce((a, r) => a + Math.abs(r.judge_label - r.human_label), 0) / g.length };
    });
    const groupGaps: GroupGap[] = [];
    for (let i = 0; i < groups.length; i++) {
      for (let k = i + 1; k < groups.length; k++) {
        const a = groups[i]!;
        const b = groups[k]!;
        const ci90 = newcombeDiff(a.errors, a.n, b.errors, b.n, rule.z);
        groupGaps.push({ a: a.group, b: b.group, diff: a.errorRate - b.errorRate, ci90, equivalent: ci90[0] > -rule.groupMargin && ci90[1] < rule.groupMargin });
      }
    }
    const alphaUsed: Distance = opts.nominal?.includes(metric) ? 'nominal' : 'interval';
    const alpha = alphaUsed === 'nominal' ? alphaNominal : alphaInterval;
    const hh = opts.humanHumanAlpha?.[metric];
    const minimumMet = alpha !== null && alpha >= rule.minimumAlpha;
    const targetMet = alpha !== null && alpha >= rule.targetAlpha;
    const ceilingMet = hh === undefined ? null : alpha !== null && alpha >= hh - rule.ceilingSlack;
    const groupParity = groupGaps.length ? groupGaps.every((g) => g.equivalent) : null;
    const reasons = [
      minimumMet ? null : `${alphaUsed} alpha ${alpha === null ? 'undefined' : alpha.toFixed(3)} < ${rule.minimumAlpha}`,
      ceilingMet === false ? `alpha more than ${rule.ceilingSlack} below human-human ${hh!.toFixed(3)}` : null,
      ceilingMet === null ? 'no human-human agreement given: the ceiling check is not applied' : null,
      groupParity === false ? `judge error rates differ between persona groups beyond ±${rule.groupMargin} (90% CI not inside the margin)` : null,
      groupParity === null ? 'one persona group only: error parity not tested' : null,
      minimumMet && !targetMet ? `accepted tentatively: alpha below the ${rule.targetAlpha} target` : null,
    ].filter((x): x is string => x !== null);
    return {
      metric, n: all.length, missingJudge: all.length - scored.length,
      exactAgreement: pairs.length ? pairs.filter(([h, j]) => h === j).length / pairs.length : null,
      kappaQuadratic: weightedKappaQuadratic(pairs), alphaInterval, alphaNominal, groups, groupGaps,
      acceptance: { alphaUsed, alpha, minimumMet, targetMet, ceilingMet, groupParity, accepted: minimumMet && ceilingMet !== false && groupParity !== false, reasons },
    };
  });
}

/** The author-labelled empathy reference set (datasets/judge-reference/empathy-author-labelled.csv). */
export const ReferenceItemSchema = z.object({
  item_id: z.string().min(1),
  persona_group: z.string().min(1),
  emotion: EmotionLabelSchema,
  intensity: z.coerce.number().int().min(0).max(10),
  customer_text: z.string().min(1),
  agent_reply: z.string().min(1),
  /** Tool names the agent called in the reply, `;`-separated. */
  actions: z.string().default(''),
  er: z.coerce.number().int().min(0).max(2),
  ip: z.coerce.number().int().min(0).max(2),
  ex: z.coerce.number().int().min(0).max(2),
  labeller: z.string().min(1),
});
export type ReferenceItem = z.infer<typeof ReferenceItemSchema>;

export function parseReferenceCsv(text: string): ReferenceItem[] {
  return parseCsvRecords(text).map((r, i) => {
    const p = ReferenceItemSchema.safeParse(r);
    if (!p.success) throw new Error(`reference CSV row ${i + 2}: ${z.prettifyError(p.error)}`);
    return p.data;
  });
}

const MECHS = ['er', 'ip', 'ex'] as const;
const actionsOf = (it: ReferenceItem) => it.actions.split(';').map((a) => a.trim()).filter(Boolean).map((name, i) => ({ id: `ref-${i}`, name, arguments: {} }));

/** Runs the EPITOME judge over the reference items and returns calibration rows (judge_label null when it failed). */
export async function judgeReferenceSet(backend: Backend, items: ReferenceItem[]): Promise<CalibrationRow[]> {
  const out: CalibrationRow[] = [];
  for (const it of items) {
    const a = await judgeEpitome(backend, { customerText: it.customer_text, emotion: it.emotion, intensity: it.intensity, replyText: it.agent_reply, actions: actionsOf(it) }, { names: [], statements: [] });
    for (const m of MECHS) out.push({ item_id: it.item_id, metric: `empathy.${m}`, human_label: it[m], judge_label: a.parsed ? a.parsed[m].level : null, persona_group: it.persona_group });
  }
  return out;
}

/** The same rows for the deterministic fallback, so the lexicon can be calibrated on the same footing. */
export function lexReferenceRows(items: ReferenceItem[]): CalibrationRow[] {
  return items.flatMap((it) => {
    const levels = levelsOf({ customer: it.customer_text, reply: it.agent_reply });
    return MECHS.map((m) => ({ item_id: it.item_id, metric: `empathy.${m}`, human_label: it[m], judge_label: levels[m].level, persona_group: it.persona_group }));
  });
}
