import type { EndState } from '../../src/schema/scenario.js';
import type { Evidence } from '../../src/score/types.js';
import { argMatches, maxMatching } from './args.js';
import { callEvidence, type ClassifiedCall } from './classified.js';

export type ExpectedWrite = Extract<EndState, { kind: 'actions' }>['writes'][number];

export interface WritesVerdict {
  /** Every expected write happened and no other write did. */
  reached: boolean;
  matched: { expected: ExpectedWrite; call: ClassifiedCall }[];
  missing: ExpectedWrite[];
  /** Successful write-class calls no expectation accounts for. */
  unexpected: ClassifiedCall[];
  /** Write-class (or expected) calls whose result was an error: they changed nothing and count neither way. */
  failed: ClassifiedCall[];
  evidence: Evidence[];
}

const show = (w: ExpectedWrite): string => `${w.tool} ${JSON.stringify(w.args)}`;

/**
 * Outcome truth as actions. Each expected write is paired with at most one successful call of the same tool whose
 * arguments match (order-free across calls; inside arguments, arrays pair one to one and numbers within tolerance).
 * Any successful write-class call left unpaired is an unexpected write. Calls are paired by tool name because the
 * expectation names the tool; unpaired calls are judged by class.
 */
export function matchWrites(expected: ExpectedWrite[], calls: ClassifiedCall[]): WritesVerdict {
  const expectedTools = new Set(expected.map((w) => w.tool));
  const relevant = calls.filter((x) => x.cls === 'write' || expectedTools.has(x.call.name));
  const live = relevant.filter((x) => !x.failed);
  const failed = relevant.filter((x) => x.failed);
  const pairs = maxMatching(expected.length, live.length, (i, j) => {
    const w = expected[i]!;
    const x = live[j]!;
    return x.call.name === w.tool && argMatches(w.args, x.call.arguments, { arrays: 'same' });
  });
  const used = new Set(pairs.values());
  const matched = [...pairs.entries()].map(([i, j]) => ({ expected: expected[i]!, call: live[j]! }));
  const missing = expected.filter((_w, i) => !pairs.has(i));
  const unexpected = live.filter((x, j) => !used.has(j) && x.cls === 'write');
  const evidence: Evidence[] = [
    ...matched.map((m) => callEvidence(m.call, `expected write ${show(m.expected)} done`)),
    ...missing.map((w): Evidence => {
      const tried = live.filter((x) => x.call.name === w.tool && !used.has(live.indexOf(x)));
      return { note: `expected write ${show(w)} not done${tried.length ? ` (${tried.length} ${w.tool} call(s) with other arguments)` : ''}` };
    }),
    ...unexpected.map((x) => callEvidence(x, 'unexpected write: no expected action accounts for it')),
    ...failed.map((x) => callEvidence(x, 'the tool answered with an error: counted as not done')),
  ];
  return { reached: missing.length === 0 && unexpected.length === 0, matched, missing, unexpected, failed, evidence };
}

export function explainWrites(v: WritesVerdict, total: number): string {
  if (v.reached) return total ? `all ${total} expected write(s) done with matching arguments, no other write` : 'no write expected and none made';
  const parts = [
    v.missing.length ? `${v.missing.length} of ${total} expected write(s) not done (${v.missing.map(show).join('; ')})` : null,
    v.unexpected.length ? `${v.unexpected.length} unexpected write(s) (${v.unexpected.map((x) => x.call.name).join(', ')})` : null,
  ];
  return parts.filter((x): x is string => x !== null).join('; ');
}
