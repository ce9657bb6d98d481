import type { Conversation, ModelCall } from '../core/conversation.js';

/**
 * What a stored figure may not know. A model call's tokens or latency can be unknown (an audited transcript gives no
 * usage, and no latency is ever measured for it): such figures are NULL in the database and never summed as 0.
 */
export const usageKnown = (c: Pick<ModelCall, 'usageKnown'>): boolean => c.usageKnown !== false;
export const latencyKnown = (c: Pick<ModelCall, 'latencyKnown'>): boolean => c.latencyKnown !== false;

/** Handle time is the sum of the agent calls' latencies: unknown as soon as one of them was not measured. */
export const handleTimeKnown = (cv: Pick<Conversation, 'calls'>): boolean => cv.calls.every((c) => c.role !== 'agent' || latencyKnown(c));
