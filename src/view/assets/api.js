// The viewer's API client: every request goes to this origin's /api/ (the page's CSP forbids anything else).

export class ApiError extends Error {
  constructor(message, status, busy) { super(message); this.status = status; this.busy = busy; }
}

export function apiUrl(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of params instanceof URLSearchParams ? params : Object.entries(params ?? {})) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return `/api/${path}${s ? `?${s}` : '?'}`;
}

export async function api(path, params) {
  const res = await fetch(apiUrl(path, params), { headers: { accept: 'application/json' } });
  let body;
  try { body = await res.json(); } catch { body = { error: `HTTP ${res.status}` }; }
  if (!res.ok) throw new ApiError(body.error ?? `HTTP ${res.status}`, res.status, Boolean(body.busy));
  return body;
}
