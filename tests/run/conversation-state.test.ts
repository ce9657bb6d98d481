import { describe, expect, it } from 'vitest';
import { planCells } from '../../src/plan/cells.js';
import { resolveScenario } from '../../src/plan/material.js';
import { applyVariant } from '../../src/plan/personas.js';
import { loadSuite } from '../../src/plan/suite.js';
import {
  advance, applyAgentReply, applyCustomerTurn, conversationSetup, ConversationStateSchema, startState, type ConversationSetup, type ConversationState,
} from '../../src/run/conversation-state.js';

const suite = loadSuite('tests/fixtures/suite/config.yaml', { personaVariants: 'none' });
const cells = planCells(suite.scenarios, suite.approaches, suite.models, suite.config, suite.datasets);
const cellFor = (scenarioId: string) => {
  const pc = cells.find((c) => c.cell.scenarioId === scenarioId)!;
  return { pc, r: resolveScenario(applyVariant(pc.scenario, pc.variant), pc.variant, suite.datasets) };
};
const opts = { temperature: 0, maxOutputTokens: 100, maxAgentStepsPerTurn: 2, seed: 1 };

function start(scenarioId: string, simulatedTurns?: number): { setup: ConversationSetup; st: ConversationState } {
  const { pc, r } = cellFor(scenarioId);
  const setup = conversationSetup(pc, r, { ...opts, ...(simulatedTurns !== undefined ? { simulatedTurns } : {}) });
  return { setup, st: startState(setup, '2026-01-01T00:00:00Z') };
}

const text = (t: string) => ({ speaker: 'agent' as const, text: t });
const lookup = (id: string) => ({ speaker: 'agent' as const, text: '', toolCalls: [{ id, name: 'lookup_order', arguments: { orderId: 'X' } }] });

describe('conversation state', () => {
  it('appends scripted customer turns itself and asks for the agent after each one', () => {
    const { setup, st } = start('tst-return');
    const need = advance(setup, st);
    expect(need.kind).toBe('agent');
    expect(need.kind === 'agent' && need.request.turns).toEqual([{ speaker: 'customer', text: expect.stringContaining("doesn't fit") }]);
    applyAgentReply(setup, st, text('Returns take 30 days.'));
    expect(advance(setup, st).kind).toBe('agent');
    expect(st.turns.map((t) => t.speaker)).toEqual(['customer', 'agent', 'customer']);
    applyAgentReply(setup, st, text('Five business days.'));
    expect(advance(setup, st).kind).toBe('finished');
    expect(st).toMatchObject({ status: 'done', endReason: 'script-complete', phase: 'finished' });
  });

  it('the step guard hands the turn back to the customer and keeps max-agent-steps as the end reason', () => {
    const { setup, st } = start('tst-return');
    advance(setup, st);
    applyAgentReply(setup, st, lookup('a'));
    expect(advance(setup, st).kind).toBe('agent');
    applyAgentReply(setup, st, lookup('b'));
    // Two steps used: the next customer turn comes even though the agent asked for another tool.
    expect(advance(setup, st).kind).toBe('agent');
    expect(st.turns.map((t) => t.speaker)).toEqual(['customer', 'agent', 'tool', 'agent', 'tool', 'customer']);
    expect(st.endReason).toBe('max-agent-steps');
    applyAgentReply(setup, st, text('ok'));
    expect(advance(setup, st).kind).toBe('finished');
    expect(st.endReason).toBe('max-agent-steps');
  });

  it('a terminal tool ends the conversation before the next customer turn', () => {
    const { setup, st } = start('tst-return');
    advance(setup, st);
    applyAgentReply(setup, st, { speaker: 'agent', text: 'Passing you on.', toolCalls: [{ id: 'e', name: 'escalate_to_human', arguments: { reason: 'x' } }] });
    expect(advance(setup, st).kind).toBe('finished');
    expect(st.endReason).toBe('escalated');
    expect(st.turns).toHaveLength(3);
  });

  it('in simulated mode asks for the customer, and a stop ends the conversation', () => {
    const { setup, st } = start('tst-return', 3);
    expect(advance(setup, st).kind).toBe('customer');
    applyCustomerTurn(st, { speaker: 'customer', text: 'hi' });
    expect(advance(setup, st).kind).toBe('agent');
    applyAgentReply(setup, st, text('hello'));
    expect(advance(setup, st).kind).toBe('customer');
    applyCustomerTurn(st, null);
    expect(advance(setup, st).kind).toBe('finished');
    expect(st.endReason).toBe('customer-stopped');
  });

  it('is plain JSON that round-trips through its schema (the batch runner persists it)', () => {
    const { setup, st } = start('tst-offer');
    advance(setup, st);
    applyAgentReply(setup, st, { speaker: 'agent', text: 'Offer:', toolCalls: [{ id: 'o', name: 'make_offer', arguments: { discountPct: 10, price: 162, bundle: ['tst-coat'] } }] });
    expect(ConversationStateSchema.parse(JSON.parse(JSON.stringify(st)))).toEqual(st);
    expect(st.phase).toBe('agent');
  });
});

describe('epochs', () => {
  it('each epoch is its own sample: its own seed, hence its own request and cache entry', () => {
    const { pc, r } = cellFor('tst-return');
    const e0 = conversationSetup(pc, r, opts);
    const e1 = conversationSetup({ ...pc, cell: { ...pc.cell, epoch: 1 } }, r, opts);
    expect(e0.settings.seed).toBe(1);
    expect(e1.settings.seed).toBe(2);
  });
});
