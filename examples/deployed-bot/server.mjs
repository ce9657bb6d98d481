// A stand-in for a vendor's deployed support bot: a small HTTP API with its own JSON shape (nothing like OpenAI's),
// used to show how cxbench evaluates a bot it has never seen from a suite file alone (examples/deployed-bot/suite.yaml).
//
//   POST /v2/sessions/{sessionId}/turns        header X-Helpdesk-Key: <key>   (when the server was given a key)
//   { "input": { "utterance": "..." }, "customer": { "givenName": "...", "familyName": "..." },
//     "context": { "knowledge": "...", "policies": "...", "contacts": "..." } }
// ->
//   { "session": "...", "turnNo": 2,
//     "output": { "messages": [{ "type": "text", "value": "..." }],
//                 "operations": [{ "operation": "handoff.human", "parameters": { ... }, "outcome": { ... } }] },
//     "billing": { "usd": 0.0015 } }
//
// The bot keeps each session's history itself (cxbench sends only the new message: `session: true`). It is a plain
// keyword bot: it greets and says it is a virtual assistant, looks up order numbers, answers from the knowledge it
// was given by word overlap, and hands over to a human when asked or when the customer is upset twice.
//
// Run it: node examples/deployed-bot/server.mjs [port]   (HELPDESK_API_KEY in the environment sets the key it expects)
import http from 'node:http';
import { pathToFileURL } from 'node:url';

const HUMAN = /\b(human|real person|agent|manager|someone real|supervisor)\b/i;
const UPSET = /\b(angry|furious|ridiculous|unacceptable|disgusting|worst|useless|fed up|!{2,})/i;
const ORDER = /\b([A-Z]{2,4}-\d{3,})\b/;
const STOP = new Set('the a an and or to of in on for is it i my me you your we our this that with was be are have has not no do did at by from as'.split(' '));

const words = (s) => (s.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => w.length > 2 && !STOP.has(w));

/** The knowledge line sharing the most words with the message, if any shares two or more. */
function bestLine(message, knowledge) {
  const want = new Set(words(message));
  let best = null;
  let score = 1;
  for (const line of knowledge.split('\n').map((l) => l.replace(/^-\s*/, '').trim()).filter(Boolean)) {
    const s = words(line).filter((w) => want.has(w)).length;
    if (s > score) { best = line; score = s; }
  }
  return best;
}

function reply(session, body) {
  const utterance = String(body?.input?.utterance ?? '');
  const given = String(body?.customer?.givenName ?? '').trim();
  const ctx = body?.context ?? {};
  session.turns.push(utterance);
  if (UPSET.test(utterance)) session.upset++;
  const messages = [];
  const operations = [];
  if (session.turns.length === 1) messages.push(`Hi${given ? ` ${given}` : ''}, I'm the Helpdesk virtual assistant (an automated bot).`);
  if (HUMAN.test(utterance) || session.upset >= 2) {
    operations.push({ operation: 'handoff.human', parameters: { reason: HUMAN.test(utterance) ? 'customer asked for a person' : 'customer upset' }, outcome: { queued: true } });
    messages.push("I'm sorry about this. I'm passing you to a colleague now; they will see everything you wrote here.");
    return { messages, operations };
  }
  const order = ORDER.exec(utterance)?.[1];
  if (order && !session.looked.has(order)) {
    session.looked.add(order);
    operations.push({ operation: 'order.lookup', parameters: { orderId: order }, outcome: { found: false, note: 'order system not connected in this stand-in' } });
    messages.push(`I looked up order ${order}, but I can't see its details from here.`);
  }
  const line = bestLine(utterance, `${ctx.knowledge ?? ''}\n${ctx.policies ?? ''}`);
  if (line) messages.push(`Here is what I found: ${line}`);
  if (messages.length === 0) messages.push('I want to make sure I get this right. Could you tell me a bit more, or ask for a colleague at any time?');
  return { messages, operations };
}

/**
 * Starts the stand-in. `key`: the X-Helpdesk-Key it requires (none by default). `fail`: an HTTP status it answers
 * every request with (to see how cxbench reports a failing bot). Resolves with the server and its base URL.
 */
export function startServer({ port = 0, host = '127.0.0.1', key = process.env.HELPDESK_API_KEY, fail } = {}) {
  const sessions = new Map();
  const server = http.createServer((req, res) => {
    const send = (status, obj) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(obj)); };
    const m = /^\/v2\/sessions\/([^/]+)\/turns$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !m) return send(404, { error: { code: 'not_found', detail: `${req.method} ${req.url}` } });
    if (key && req.headers['x-helpdesk-key'] !== key) return send(401, { error: { code: 'unauthorised', detail: 'missing or wrong X-Helpdesk-Key' } });
    if (fail) return send(fail, { error: { code: 'unavailable', detail: 'the helpdesk is down for maintenance' } });
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c) => { raw += c; });
    req.on('end', () => {
      let body;
      try { body = JSON.parse(raw); } catch { return send(400, { error: { code: 'bad_json', detail: 'the body is not JSON' } }); }
      const id = decodeURIComponent(m[1]);
      const session = sessions.get(id) ?? { turns: [], upset: 0, looked: new Set() };
      sessions.set(id, session);
      const out = reply(session, body);
      send(200, {
        session: id, turnNo: session.turns.length,
        output: { messages: out.messages.map((value) => ({ type: 'text', value })), operations: out.operations },
        billing: { usd: 0.0015 },
      });
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => {
    const addr = server.address();
    resolve({ server, url: `http://${host}:${addr.port}`, sessions });
  }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { url } = await startServer({ port: Number(process.argv[2] ?? 8787) });
  process.stdout.write(`helpdesk stand-in listening on ${url}\n`);
}
