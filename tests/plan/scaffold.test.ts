import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scaffoldScenario } from '../../src/plan/scaffold.js';
import { loadFile } from '../../src/schema/load.js';
import { ScenarioSchema } from '../../src/schema/scenario.js';

describe('cxbench new scenario', () => {
  it('writes a skeleton that validates, in its stage folder, and refuses to overwrite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-new-'));
    const path = scaffoldScenario({ kind: 'scenario', id: 'te-new-case', approach: 'feedback-insight-analysis', domain: 'telecom', dir, force: false });
    expect(path).toBe(join(dir, '5-feedback-cocreate', 'te-new-case.yaml'));
    const s = loadFile(path, ScenarioSchema);
    expect(s.judging.endState).toEqual({ kind: 'report', tool: 'submit_insights' });
    expect(() => scaffoldScenario({ kind: 'scenario', id: 'te-new-case', approach: 'feedback-insight-analysis', domain: 'telecom', dir, force: false })).toThrow(/exists/);
    expect(() => scaffoldScenario({ kind: 'scenario', id: 'x', approach: 'chatbot', domain: 'telecom', dir, force: false })).toThrow(/approach/);
  });
});
