import type { Store } from '../../src/store/db.js';
import { mulberry32, type Rng } from '../../src/analysis/stats/prng.js';

/**
 * A small synthetic study written straight into the raw tables: one approach, 20 scenarios, a baseline persona and a
 * race-gender set (two reference names, two names each for two other groups), two GAI models and the rules arm,
 * three epochs. Planted: GAI model A offers 3 pp less discount to 'black-female' names; nothing else differs by group.
 */
export const APPROACH = 'on-the-fly-offers';
export const GAI_A = 'openai:gpt-a';
export const GAI_B = 'anthropic:claude-b';
export const RULES = 'rules';
export const MODELS = [GAI_A, GAI_B, RULES] as const;
export const SCENARIOS = Array.from({ length: 20 }, (_, i) => `s${String(i).padStart(2, '0')}`);
export const EPOCHS = 3;
export const PLANTED_GAP = -3;
export const AGENT_CALL_COST = 0.002;

export interface Variant { set: string; id: string; attribute: string; group: string; reference: boolean }
export const VARIANTS: Variant[] = [
  { set: 'base', id: 'base', attribute: 'none', group: 'base', reference: true },
  { set: 'rg-names', id: 'wm-1', attribute: 'race-gender', group: 'white-male', reference: true },
  { set: 'rg-names', id: 'wm-2', attribute: 'race-gender', group: 'white-male', reference: true },
  { set: 'rg-names', id: 'bf-1', attribute: 'race-gender', group: 'black-female', reference: false },
  { set: 'rg-names', id: 'bf-2', attribute: 'race-gender', group: 'black-female', reference: false },
  { set: 'rg-names', id: 'wf-1', attribute: 'race-gender', group: 'white-female', reference: false },
  { set: 'rg-names', id: 'wf-2', attribute: 'race-gender', group: 'white-female', reference: false },
];

export interface Conv {
  key: string;
  scenario: string;
  scenarioIdx: number;
  variant: Variant;
  model: string;
  epoch: number;
  status: 'done' | 'infra-error';
  scores: Record<string, number>;
}

function gauss(r: Rng): number {
  const u = 1 - r.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.next());
}

export function generate(seed = 2024): Conv[] {
  const r = mulberry32(seed);
  const out: Conv[] = [];
  SCENARIOS.forEach((scenario, si) => {
    for (const variant of VARIANTS) {
      for (const model of MODELS) {
        for (let epoch = 0; epoch < EPOCHS; epoch++) {
          const gai = model !== RULES;
          const planted = model === GAI_A && variant.group === 'black-female' ? PLANTED_GAP : 0;
          const discount = 5 + (si % 5) + (gai ? 1 : 0) + planted + gauss(r);
          const pResolve = gai ? 0.55 + 0.02 * (si % 10) : 0.3;
          out.push({
            key: `${scenario}|${variant.set}/${variant.id}|${model}|e${epoch}`, scenario, scenarioIdx: si, variant, model, epoch, status: 'done',
            scores: {
              'offer.discount_pct': discount,
              'offer.made': r.next() < 0.6 ? 1 : 0,
              'resolution.resolved': r.next() < pResolve ? 1 : 0,
              'safety.critical_failure': gai && r.next() < 0.05 ? 1 : 0,
            },
          });
        }
      }
    }
  });
  // An infrastructure failure with a wild score: it must be counted in infra and costs, never in quality statistics.
  out.push({
    key: `s00|base/base|${GAI_A}|e9`, scenario: 's00', scenarioIdx: 0, variant: VARIANTS[0]!, model: GAI_A, epoch: 9, status: 'infra-error',
    scores: { 'offer.discount_pct': 1000, 'resolution.resolved': 1 },
  });
  return out;
}

export async function insert(store: Store, convs: readonly Conv[]): Promise<void> {
  const c = await store.conn.createAppender('conversations');
  const s = await store.conn.createAppender('scores');
  const m = await store.conn.createAppender('model_calls');
  for (const cv of convs) {
    const v = cv.variant;
    c.appendVarchar(cv.key); c.appendVarchar('run-1'); c.appendVarchar(APPROACH); c.appendVarchar('sell'); c.appendVarchar('dialogue');
    c.appendVarchar(cv.scenario); c.appendInteger(1); c.appendVarchar('retail'); c.appendVarchar(v.set); c.appendVarchar(v.id);
    c.appendVarchar(v.attribute); c.appendVarchar(v.group); c.appendBoolean(v.reference); c.appendVarchar(cv.model);
    c.appendVarchar(cv.model === RULES ? 'traditional' : 'gai'); c.appendInteger(cv.epoch); c.appendVarchar(cv.status);
    if (cv.status === 'done') c.appendNull(); else c.appendVarchar('HTTP 503');
    c.appendVarchar('script-complete'); c.appendInteger(6); c.appendDouble(1200); c.appendNull();
    c.appendVarchar('2026-01-01T00:00:00Z'); c.appendVarchar('2026-01-01T00:00:01Z');
    c.endRow();
    for (const [metric, value] of Object.entries(cv.scores)) {
      s.appendVarchar(cv.key); s.appendVarchar(metric); s.appendDouble(value); s.appendVarchar('synthetic'); s.appendVarchar('[]');
      s.appendVarchar('deterministic:synthetic@1'); s.appendVarchar('2026-01-01T00:00:02Z');
      s.endRow();
    }
    if (cv.model !== RULES) {
      m.appendVarchar(cv.key); m.appendInteger(0); m.appendVarchar('agent'); m.appendVarchar(cv.model);
      m.appendBigInt(1000n); m.appendBigInt(200n); m.appendBigInt(50n); m.appendBigInt(0n); m.appendBigInt(0n);
      m.appendDouble(800); m.appendDouble(AGENT_CALL_COST); m.appendVarchar('genai-prices@test'); m.appendBoolean(false); m.appendBoolean(false);
      m.appendInteger(cv.status === 'done' ? 0 : 2);
      if (cv.status === 'done') m.appendNull(); else m.appendVarchar('server: HTTP 503');
      m.appendNull(); m.appendNull(); // ttft_ms, output_tokens_per_s: not streamed
      m.endRow();
    }
  }
  for (const a of [c, s, m]) {
    a.flushSync();
    a.closeSync();
  }
}
