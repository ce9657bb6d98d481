import type { Evaluator, MetricInfo, Score } from '../../src/score/types.js';
import { deterministicLabel } from '../../src/score/types.js';
import { checkEndState, escalatedIn } from './end-state.js';
import { checkRequiredInfo } from './required-info.js';
import { notScorable } from './transcript.js';
import { metric, scorer } from '../nlp/score.js';

const ID = 'resolution';
const VERSION = 1;
const LABEL = deterministicLabel(ID, VERSION);

const METRICS = [
  metric('resolution.resolved', 'Resolved', 'rate', 'higher-better', 'End state reached AND all required info given AND not escalated unless the scenario says it should be (τ-bench style).'),
  metric('resolution.end_state', 'End state reached', 'rate', 'higher-better', 'The expected end state: a matching tool call, an escalation, a normal answer, or a submitted report.'),
  metric('resolution.required_info', 'Required info given', 'score', 'higher-better', 'Share of the required information items given in some agent turn (case-insensitive, commas removed).'),
  metric('resolution.escalated', 'Escalated', 'rate', 'neutral', 'escalate_to_human was called.'),
  metric('resolution.escalation_correct', 'Escalation correct', 'rate', 'higher-better', 'escalated == shouldEscalate.'),
  metric('resolution.agent_turns', 'Agent turns', 'count', 'lower-better', 'Agent messages in the transcript (tool-call steps included).'),
  metric('resolution.handle_time_ms', 'Handle time', 'ms', 'lower-better', 'Time spent waiting on the agent backend (sum of agent call latencies).'),
] satisfies MetricInfo[];

const bit = (b: boolean): number => (b ? 1 : 0);

export const resolutionEvaluator: Evaluator = {
  id: ID,
  version: VERSION,
  description: 'Deterministic task resolution: end state, required info, escalation, turns and handle time.',
  metrics: METRICS,
  score: async (c, r) => {
    const why = notScorable(c);
    if (why) return METRICS.map((x): Score => ({ metric: x.id, value: null, explanation: why, evidence: [], evaluator: LABEL }));
    const j = r.scenario.judging;
    const end = checkEndState(j.endState, c);
    const info = checkRequiredInfo(j.requiredInfo, c);
    const esc = escalatedIn(c);
    const allInfo = info.missing.length === 0;
    const escalationOk = !esc.escalated || j.shouldEscalate;
    const resolved = end.reached && allInfo && escalationOk;
    const reasons = [
      end.reached ? null : `end state not reached (${end.explanation})`,
      allInfo ? null : `required info missing: ${info.missing.join(', ')}`,
      escalationOk ? null : 'escalated although the scenario did not call for it',
    ].filter((x): x is string => x !== null);
    const agentTurns = c.turns.filter((t) => t.speaker === 'agent').length;
    const s = scorer(LABEL);
    return [
      s('resolution.resolved', bit(resolved), resolved ? 'end state reached and all required info given' : reasons.join('; '), [...end.evidence, ...info.evidence]),
      s('resolution.end_state', bit(end.reached), end.explanation, end.evidence),
      j.requiredInfo.length
        ? s('resolution.required_info', info.given.length / j.requiredInfo.length, `${info.given.length}/${j.requiredInfo.length} given${info.missing.length ? `; missing ${info.missing.join(', ')}` : ''}`, info.evidence)
        : s('resolution.required_info', null, 'the scenario lists no required information'),
      s('resolution.escalated', bit(esc.escalated), esc.escalated ? 'escalate_to_human was called' : 'no escalation', esc.evidence),
      s('resolution.escalation_correct', bit(esc.escalated === j.shouldEscalate), `escalated=${esc.escalated}, shouldEscalate=${j.shouldEscalate}`, esc.evidence),
      s('resolution.agent_turns', agentTurns, `${agentTurns} agent message(s)`),
      s('resolution.handle_time_ms', c.handleTimeMs, `${c.handleTimeMs} ms of agent backend latency`),
    ];
  },
};
