// The floor: a bare HTTP client making the same N chat-completion calls at concurrency C, nothing else.
const [n, c, url] = [Number(process.argv[2]), Number(process.argv[3]), String(process.argv[4])];
const body = JSON.stringify({ model: 'bench', messages: [{ role: 'system', content: 'x' }, { role: 'user', content: 'Can I get 30% off?' }] });
let next = 0;
const t0 = performance.now();
await Promise.all(Array.from({ length: c }, async () => {
  while (next++ < n) {
    const r = await fetch(`${url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer x' }, body });
    await r.json();
  }
}));
process.stdout.write(JSON.stringify({ wallMs: performance.now() - t0, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
