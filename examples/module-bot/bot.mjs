// A bot in JavaScript, evaluated by cxbench as a `module` agent (examples/own-code/suite.yaml): cxbench imports this
// file and calls respond(conversation, context) for every reply. A .ts file works the same way.
//
// conversation: { conversationId, turn, message, history: [{ role, text, actions? }], outreach }
// context:      { persona: { firstName, lastName, fullName }, crm, brief: { catalog, policies, knowledgeBase, ... },
//                 scenario: { id, domain, approach, now, currency }, signal }
// returns:      { text, actions?: [{ name, arguments, result? }], usage?: { input, output }, costUsd? }

/** A menu bot: it classifies the message by keyword and answers with the matching knowledge-base line. */
const TOPICS = [
  { keys: ['refund', 'money back', 'reimburse'], find: /refund/i },
  { keys: ['return', 'send back', "doesn't fit", 'exchange'], find: /return/i },
  { keys: ['deliver', 'parcel', 'shipping', 'tracking', 'late'], find: /deliver|ship/i },
];

export function respond(conversation, context) {
  const msg = conversation.message.toLowerCase();
  if (/\b(human|person|agent)\b/.test(msg)) {
    return { text: 'Transferring you to a human colleague.', actions: [{ name: 'escalate_to_human', arguments: { reason: 'asked for a person' } }] };
  }
  const lines = `${context.brief.knowledgeBase}\n${context.brief.policies}`.split('\n').map((l) => l.replace(/^-\s*/, '')).filter(Boolean);
  const topic = TOPICS.find((t) => t.keys.some((k) => msg.includes(k)));
  const line = topic ? lines.find((l) => topic.find.test(l)) : undefined;
  const hello = conversation.history.length === 0 ? `Hi ${context.persona.firstName}, this is the automated help menu. ` : '';
  return { text: `${hello}${line ?? 'Please choose: returns, refunds or delivery.'}` };
}
