// The floor: a bare HTTP client making the same N chat-completion calls at concurrency C, nothing else. Node's own
// HTTP client with keep-alive, the transport the harness's SDKs are given (the built-in fetch costs more CPU per call,
// so a fetch floor would flatter the harness).
import http from 'node:http';

const [n, c, url] = [Number(process.argv[2]), Number(process.argv[3]), new URL(`${String(process.argv[4])}/chat/completions`)];
const body = Buffer.from(JSON.stringify({ model: 'bench', messages: [{ role: 'system', content: 'x' }, { role: 'user', content: 'Can I get 30% off?' }] }));
const agent = new http.Agent({ keepAlive: true });
const headers = { 'content-type': 'application/json', 'content-length': String(body.length), authorization: 'Bearer x' };

const call = (): Promise<unknown> => new Promise((resolve, reject) => {
  const req = http.request(url, { method: 'POST', headers, agent }, (res) => {
    const chunks: Buffer[] = [];
    res.on('data', (d: Buffer) => chunks.push(d));
    res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    res.on('error', reject);
  });
  req.on('error', reject);
  req.end(body);
});

let next = 0;
const t0 = performance.now();
await Promise.all(Array.from({ length: c }, async () => {
  while (next++ < n) await call();
}));
process.stdout.write(JSON.stringify({ wallMs: performance.now() - t0, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
agent.destroy();
