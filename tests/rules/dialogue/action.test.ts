import { describe, expect, it } from 'vitest';
import { botFrom } from '../../../src/rules/dialogue/action.js';

describe('botFrom', () => {
  it('emits tool calls with stable ids, then continues the same rule with the tool result', async () => {
    let decisions = 0;
    const bot = botFrom(async () => {
      decisions++;
      return { text: '', calls: [{ name: 'lookup_order', arguments: { orderId: 'X1' } }], after: (res) => `status ${String((res[0]?.data['order'] as { status: string }).status)}` };
    });
    const first = await bot.reply([{ speaker: 'customer', text: 'where is X1' }]);
    expect(first.toolCalls).toEqual([{ id: 'rules-1-0', name: 'lookup_order', arguments: { orderId: 'X1' } }]);
    const second = await bot.reply([
      { speaker: 'customer', text: 'where is X1' }, first,
      { speaker: 'tool', text: JSON.stringify({ found: true, order: { status: 'late' } }), toolCallId: 'rules-1-0', toolName: 'lookup_order' },
    ]);
    expect(second).toEqual({ speaker: 'agent', text: 'status late' });
    expect(decisions).toBe(2);
  });
});
