import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed, type StudyEnv } from '../../src/validity/replicate.js';
import { fixtureEnv, fixtureOptions } from './fixture-env.js';

let env: StudyEnv;
let close: () => Promise<void>;
beforeAll(async () => { ({ env, close } = await fixtureEnv()); });
afterAll(async () => { await close(); });

describe('per-reply precision and recall of the hallucination detector', () => {
  it('counts each stored reply once against the logged misstatement or fabrication, independently recounted from the database', async () => {
    const { results, truth, store } = await runSeed(env, fixtureOptions({ model: { hallucination: { misstateShare: 0.4 }, privacy: { leakShare: 0.3 } } }).model, 4, [0]);
    try {
      const reply = results[0]!.measures.halluc.reply;
      // Recount: every agent message, its truth by exact text, its flag from halluc.any's evidence turns.
      const msgs = await store.all<{ cell_key: string; idx: number; text: string; scenario_id: string }>(`
        SELECT m.cell_key, m.idx, m.text, c.scenario_id FROM messages m JOIN conversations c USING (cell_key) WHERE m.speaker = 'agent'`);
      const ev = await store.all<{ cell_key: string; value: number; evidence_json: string }>(`SELECT cell_key, value, evidence_json FROM scores WHERE metric = 'halluc.any'`);
      const flagged = new Set(ev.filter((e) => e.value === 1).flatMap((e) => (JSON.parse(e.evidence_json) as { turn?: number }[]).map((x) => `${e.cell_key}#${x.turn}`)));
      const byText = new Map(truth.map((t) => [`${t.scenarioId}|${t.content}`, t]));
      const n = { tp: 0, fp: 0, fn: 0, tn: 0, explained: 0 };
      for (const m of msgs) {
        const t = byText.get(`${m.scenario_id}|${m.text}`)!;
        const planted = t.misstatement !== null || t.fabrication !== null;
        const f = flagged.has(`${m.cell_key}#${m.idx}`);
        if (!planted && f && t.forbiddenPhrase) n.explained++;
        else if (planted) n[f ? 'tp' : 'fn']++;
        else n[f ? 'fp' : 'tn']++;
      }
      expect(reply).toEqual(n);
      expect(n.tp + n.fn).toBeGreaterThan(10);
      // Leaked canaries are listed as forbidden claims in the fixture, so some flags are explained by them.
      expect(n.explained).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  }, 60_000);
});
