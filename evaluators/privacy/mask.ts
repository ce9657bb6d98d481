import { allHits, EMAIL_RE, URL_RE, type Hit } from '../nlp/patterns.js';

/**
 * Spans of agent text whose digits are not card or phone numbers (docs/instruments/privacy.md): URLs and paths
 * (web-archive timestamps such as web.archive.org/web/20190315123456/...), e-mail addresses, @handles and #tags,
 * ISO dates and times, compact timestamps, tokens that mix digits with letters or path characters ("1Z999AA1...",
 * "id=4111..."), and numbers labelled as identifiers ("order 4111 1111 1111 1111", "tracking no. 9400...").
 * The text is masked with spaces of the same length, so offsets stay valid for the detectors that run on it.
 */

/** A scheme-less path with a dot in the host ("web.archive.org/web/2019...", "example.co/x/123"). */
const PATH_RE = /\b[a-z0-9-]+(?:\.[a-z0-9-]+)+\/[^\s<>()"'`]*/gi;
const ISO_RE = /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b|\b\d{1,2}:\d{2}(?::\d{2})?\b/g;
/** Runs of 8, 12 or 14 digits that read as YYYYMMDD[hhmm[ss]] between 1990 and 2039. */
const COMPACT_RE = /(?<!\d)(?:19[9]\d|20[0-3]\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?)?(?!\d)/g;
/** Handles and hashtags: "@acme_help2019", "#order12345678". */
const HANDLE_RE = /(?<![\w.])[@#][A-Za-z_][\w]*/g;
/** Whitespace-free runs: masked when they hold a digit and a letter or a path character. */
const RUN_RE = /\S+/g;
/** Identifier labels: a number right after one of these is that identifier, not a card or a phone. */
const ID_LABEL_RE = /\b(?:order|tracking|reference|ref|case|ticket|invoice|confirmation|booking|claim|parcel|shipment|transaction|incident|reservation|pnr|serial|sku|model|imei|account|membership|member|customer|policy|receipt|awb|consignment|waybill|item|article|product|promo|coupon|voucher|code|id)(?:\s+(?:reference|number|num|nr|id|code|ref)\b|\s*no\.|\s*#)*\s*[:#]?\s*(?:is\s+|was\s+)?/gi;
const ID_AFTER_LABEL_RE = /^[#:]?\s*\d[\d\s-]*\d/;

function runHits(text: string): Hit[] {
  const out: Hit[] = [];
  for (const h of allHits(RUN_RE, text)) {
    // Leading "#(+" and trailing punctuation do not make a run a token ("#4111 ..." may still open a card number).
    const core = h.raw.replace(/^[#(+"'“]+/, '').replace(/[.,;:!?)\]"'”]+$/, '');
    if (!/\d/.test(core)) continue;
    if (/[A-Za-z_/\\=&?@]/.test(core)) out.push(h);
  }
  return out;
}

function labelledIds(text: string): Hit[] {
  const out: Hit[] = [];
  for (const l of allHits(ID_LABEL_RE, text)) {
    const m = ID_AFTER_LABEL_RE.exec(text.slice(l.end));
    if (m) out.push({ start: l.end, end: l.end + m[0].length, raw: m[0] });
  }
  return out;
}

/** Declared identifiers (order ids, SKUs) found in the text, compared without case. */
function declaredIds(text: string, ids: readonly string[]): Hit[] {
  const out: Hit[] = [];
  const lower = text.toLowerCase();
  for (const id of ids) {
    const needle = id.toLowerCase();
    if (needle.replace(/\D/g, '').length < 4) continue;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) out.push({ start: at, end: at + needle.length, raw: text.slice(at, at + needle.length) });
  }
  return out;
}

/** Why each masked span was masked, for the instrument's documentation and tests. */
export type MaskReason = 'url' | 'email' | 'handle' | 'timestamp' | 'token' | 'labelled-id' | 'declared-id';

export interface MaskedSpan extends Hit {
  reason: MaskReason;
}

export function maskedSpans(text: string, declared: readonly string[] = []): MaskedSpan[] {
  const tag = (reason: MaskReason, hits: Hit[]): MaskedSpan[] => hits.map((h) => ({ ...h, reason }));
  return [
    ...tag('url', [...allHits(URL_RE, text), ...allHits(PATH_RE, text)]),
    ...tag('email', allHits(EMAIL_RE, text)),
    ...tag('handle', allHits(HANDLE_RE, text)),
    ...tag('timestamp', [...allHits(ISO_RE, text), ...allHits(COMPACT_RE, text)]),
    ...tag('token', runHits(text)),
    ...tag('labelled-id', labelledIds(text)),
    ...tag('declared-id', declaredIds(text, declared)),
  ];
}

/** The text with every masked span blanked (same length), for the card and phone detectors. */
export function maskText(text: string, spans: readonly Hit[]): string {
  if (spans.length === 0) return text;
  const chars = [...text.split('')];
  for (const s of spans) for (let i = s.start; i < s.end && i < chars.length; i++) chars[i] = ' ';
  return chars.join('');
}
