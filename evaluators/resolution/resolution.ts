import type { Evaluator, Evidence, MetricInfo, Score } from '../../src/score/types.js';
import { deterministicLabel } from '../../src/score/types.js';
import { classifyCalls, escalationsIn, unknownTools } from './classified.js';
import { checkEndState } from './end-state.js';
import { checkRequiredInfo } from './required-info.js';
import { notScorable } from './transcript.js';
import { metric, scorer, type MetricIdOf } from '../nlp/score.js';

/** Outcome truth from tool classes, never tool names: docs/instruments/resolution.md. */

const ID = 'resolution';
const VERSION = 2;
const LABEL = deterministicLabel(ID, VERSION);

const METRICS = [
  metric('resolution.resolved', 'Resolved', 'rate', 'higher-better', 'End state reached AND all listed required info given AND escalated exactly when the scenario says so; null when the scenario states no end state.'),
  metric('resolution.end_state', 'End state reached', 'rate', 'higher-better', 'The expected end state: the expected writes and no other (actions), a matching tool call, an escalation, a normal answer, or a submitted report.'),
  metric('resolution.required_info', 'Required info given', 'score', 'higher-better', 'Share of the required information items given in some agent turn (case-insensitive, commas removed).'),
  metric('resolution.escalated', 'Escalated', 'rate', 'neutral', 'A tool of class escalate was called (whatever it is named).'),
  metric('resolution.escalation_correct', 'Escalation correct', 'rate', 'higher-better', 'escalated == shouldEscalate.'),
  metric('resolution.agent_turns', 'Agent turns', 'count', 'lower-better', 'Agent messages in the transcript (tool-call steps included).'),
  metric('resolution.handle_time_ms', 'Handle time', 'ms', 'lower-better', 'Time spent waiting on the agent backend (sum of agent call latencies).'),
] satisfies MetricInfo[];
type ResolutionMetric = MetricIdOf<typeof METRICS>;

const bit = (b: boolean): number => (b ? 1 : 0);

export const resolutionEvaluator: Evaluator = {
  id: ID,
  version: VERSION,
  description: 'Deterministic task resolution from tool classes: expected writes, escalation, required info, turns and handle time.',
  metrics: METRICS,
  score: async (c, r) => {
    const why = notScorable(c);
    if (why) return METRICS.map((x): Score => ({ metric: x.id, value: null, explanation: why, evidence: [], evaluator: LABEL }));
    const j = r.scenario.judging;
    const calls = classifyCalls(c, r);
    const unknown = unknownTools(calls);
    const unknownNote = unknown.names.length ? `; ${unknown.names.length} tool(s) with no class (${unknown.names.join(', ')}) not counted as writes or escalations` : '';
    const esc = escalationsIn(calls);
    const escalationOk = esc.escalated === j.shouldEscalate;
    const listed = j.requiredInfo.length > 0;
    const info = checkRequiredInfo(j.requiredInfo, c);
    const allInfo = info.missing.length === 0;
    const s = scorer<ResolutionMetric>(LABEL);
    const withUnknown = (ev: Evidence[]): Evidence[] => [...ev, ...unknown.evidence];

    let resolved: Score;
    let endScore: Score;
    if (!j.endState) {
      const none = 'not scorable: no expected end state';
      resolved = s('resolution.resolved', null, none + unknownNote, unknown.evidence);
      endScore = s('resolution.end_state', null, none + unknownNote, unknown.evidence);
    } else {
      const end = checkEndState(j.endState, c, calls);
      const ok = end.reached && allInfo && escalationOk;
      const reasons = [
        end.reached ? null : `end state not reached (${end.explanation})`,
        allInfo ? null : `required info missing: ${info.missing.join(', ')}`,
        escalationOk ? null : esc.escalated ? 'escalated although the scenario did not call for it' : 'not escalated although the scenario calls for it',
      ].filter((x): x is string => x !== null);
      const yes = `end state reached (${end.explanation})${listed ? ', all required info given' : ', no required info listed'}, escalation as expected`;
      resolved = s('resolution.resolved', bit(ok), (ok ? yes : reasons.join('; ')) + unknownNote, withUnknown([...end.evidence, ...info.evidence, ...esc.evidence]));
      endScore = s('resolution.end_state', bit(end.reached), end.explanation + unknownNote, withUnknown(end.evidence));
    }
    const agentTurns = c.turns.filter((t) => t.speaker === 'agent').length;
    return [
      resolved,
      endScore,
      listed
        ? s('resolution.required_info', info.given.length / j.requiredInfo.length, `${info.given.length}/${j.requiredInfo.length} given${info.missing.length ? `; missing ${info.missing.join(', ')}` : ''}`, info.evidence)
        : s('resolution.required_info', null, 'the scenario lists no required information'),
      s('resolution.escalated', bit(esc.escalated), (esc.escalated ? `handed to a human (${esc.tools.join(', ')}, class escalate)` : 'no call of class escalate') + unknownNote, withUnknown(esc.evidence)),
      s('resolution.escalation_correct', bit(escalationOk), `escalated=${esc.escalated}, shouldEscalate=${j.shouldEscalate}${unknownNote}`, withUnknown(esc.evidence)),
      s('resolution.agent_turns', agentTurns, `${agentTurns} agent message(s)`),
      s('resolution.handle_time_ms', c.handleTimeMs, `${c.handleTimeMs} ms of agent backend latency`),
    ];
  },
};
