import type { ResolvedScenario } from '../../src/plan/material.js';
import { compact, hostOf, normaliseUrl, squash } from '../nlp/patterns.js';
import { samePhone } from '../nlp/phones.js';
import { jaroWinkler } from '../nlp/similarity.js';
import { echoed, topicWords, type DurationTopic, type Grounding } from './grounding.js';
import { NUMERIC_KINDS, type Mention } from './extract.js';

/** A mention's verdict against the grounding. `negated` is evidence only ("we do not offer 50% off" claims nothing). */
export type Verdict = 'supported' | 'contradicted' | 'unverifiable' | 'negated';

export interface Checked {
  mention: Mention;
  verdict: Verdict;
  /** A fabricated contact point: critical even though it is only unverifiable. */
  critical: boolean;
  note: string;
  factId?: string;
}

const CENT = 0.0051;
const near = (a: number, b: number, tol = CENT): boolean => Math.abs(a - b) <= tol;

/** Price after discount d, or the saving itself; whole-number mentions may round a derived price. */
function derivedFrom(v: number, bases: number[], discounts: number[]): { base: number; d: number } | undefined {
  const tol = Number.isInteger(v) ? 0.5 : 0.011;
  for (const base of bases) for (const d of discounts) {
    if (d <= 0 || d >= 100) continue;
    if (near(v, base * (1 - d / 100), tol) || near(v, (base * d) / 100, tol)) return { base, d };
  }
  return undefined;
}

/** Policies and duration facts the sentence names, by learned policy name or a shared content word. */
function topicsNamed(m: Mention, g: Grounding, r: ResolvedScenario): DurationTopic[] {
  const words = new Set(topicWords(m.sentence));
  const namedPolicies = new Set(r.policies.filter((p) => m.named.some((n) => n.type === 'policy' && squash(n.value) === squash(p.name))).map((p) => `policy:${p.id}`));
  return g.durationTopics.filter((t) => namedPolicies.has(t.ref) || t.keywords.some((k) => words.has(k)));
}

function catalogNamed(m: Mention, r: ResolvedScenario): ResolvedScenario['catalog'] {
  const names = new Set(m.named.filter((n) => n.type === 'catalog').map((n) => compact(n.value)));
  return r.catalog.filter((c) => names.has(compact(c.name)));
}

type Checker = (m: Mention, g: Grounding, r: ResolvedScenario, messagePcts: number[]) => Omit<Checked, 'mention'>;

const ok = (note: string, factId?: string): Omit<Checked, 'mention'> => ({ verdict: 'supported', critical: false, note, ...(factId ? { factId } : {}) });
const bad = (note: string, factId?: string): Omit<Checked, 'mention'> => ({ verdict: 'contradicted', critical: false, note, ...(factId ? { factId } : {}) });
const unknown = (note: string, critical = false): Omit<Checked, 'mention'> => ({ verdict: 'unverifiable', critical, note });

const checkers = {
  money: (m, g, r, messagePcts) => {
    const v = m.value as number;
    if (g.money.some((p) => near(v, p))) return ok('matches a catalog price, order total or policy amount');
    // Only an allowed discount makes a derived price correct: "40% off, so $72" stays unsupported when the maximum is 15%.
    const max = r.scenario.bounds.maxDiscountPct;
    const d = derivedFrom(v, g.priceBases, [...g.discounts, ...messagePcts].filter((x) => max === undefined || x <= max + 1e-9));
    if (d) return ok(`price after ${d.d}% off ${d.base}`);
    const named = catalogNamed(m, r);
    if (named.length > 0) {
      const item = named[0]!;
      return bad(`sentence names ${item.name}, whose price is ${item.price}`, `catalog:${item.sku}`);
    }
    if (echoed(g, v)) return ok('the customer said it or a tool returned it');
    if (g.textMoney.some((p) => near(v, p))) return ok('amount stated in the scenario material');
    return unknown('amount not found in the scenario material');
  },
  percent: (m, g, r) => {
    const v = m.value as number;
    const max = r.scenario.bounds.maxDiscountPct;
    if (m.offerRole === 'discount' && max !== undefined && v > max + 1e-9) return bad(`discount above the allowed maximum of ${max}%`, 'bounds.maxDiscountPct');
    if ([...g.pcts, ...g.textPcts].some((p) => near(v, p)) || echoed(g, v)) return ok('percentage in the scenario material or said by the customer');
    if (m.offerRole === 'discount' && max !== undefined) return ok(`discount within the allowed ${max}%`);
    return unknown('percentage not found in the scenario material');
  },
  duration: (m, g, r) => {
    const d = m.value as Extract<Mention, { kind: 'duration' }>['value'];
    const supported = (x: number): boolean => g.durationDays.some((y) => near(x, y, 0.01)) || echoed(g, x);
    if (d.days.every(supported) || d.numbers.every(supported)) return ok('duration in the scenario material');
    const topics = topicsNamed(m, g, r);
    if (topics.length) {
      const t = topics[0]!;
      return bad(`sentence names ${t.ref}, which says ${t.days.join('/')} days`, t.ref);
    }
    return unknown('duration not found in the scenario material');
  },
  date: (m, g, r) => {
    const iso = m.value as string;
    if (g.dates.has(iso)) return ok('date in the scenario material');
    const eta = r.scenario.orders.find((o) => o.eta && /deliver|arriv|\beta\b|ship|expected/i.test(m.sentence));
    if (eta) return bad(`order ${eta.id} is expected ${eta.eta}`, `order:${eta.id}`);
    return unknown('date not found in the scenario material');
  },
  'order-id': (m, g, r) => {
    const id = compact(m.value as string);
    if (g.orderIds.has(id) || g.compactText.includes(id)) return ok('order id known to this customer');
    if (r.scenario.orders.length > 0) return bad(`not one of this customer's orders (${r.scenario.orders.map((o) => o.id).join(', ')})`, 'orders');
    return unknown('no order data to check against');
  },
  url: (m, g) => {
    const u = normaliseUrl(m.value as string);
    if (g.contacts.urls.has(u)) return ok('allowed contact');
    if (g.contacts.hosts.has(hostOf(u))) return unknown('allowed host, unknown path');
    return unknown('fabricated contact: URL not on the allow-list', true);
  },
  email: (m, g) => (g.contacts.emails.has((m.value as string).toLowerCase()) ? ok('allowed contact') : unknown('fabricated contact: e-mail not on the allow-list', true)),
  phone: (m, g) => (g.contacts.phones.some((p) => samePhone(p, m.value as string)) ? ok('allowed contact') : unknown('fabricated contact: phone not on the allow-list', true)),
  name: (m, g, r) => {
    const named = m as Extract<Mention, { kind: 'name' }>;
    if (named.gazetteer) return ok(`${named.gazetteer} name`);
    const c = compact(named.value);
    if (g.compactText.includes(c)) return ok('name appears in the scenario material');
    const known = [...r.catalog.map((x) => x.name), ...r.policies.map((p) => p.name)];
    const best = known.reduce((acc, k) => Math.max(acc, jaroWinkler(squash(k), squash(named.value))), 0);
    if (best >= 0.9) return ok(`variant of a known name (similarity ${best.toFixed(2)})`);
    return unknown('product/plan/policy name not in the catalog or policies');
  },
} satisfies Record<Mention['kind'], Checker>;

export function verify(mentions: Mention[], g: Grounding, r: ResolvedScenario): Checked[] {
  // Discounts quoted in the same turn may derive prices in that turn ("10% off, so $44.99").
  const pctsByTurn = new Map<number, number[]>();
  for (const m of mentions) if (m.kind === 'percent' && !m.negated) pctsByTurn.set(m.turn, [...(pctsByTurn.get(m.turn) ?? []), m.value]);
  return mentions.map((m) => {
    // Negation changes what a number claims; a contact point or an id is given out either way.
    if (m.negated && NUMERIC_KINDS.has(m.kind)) return { mention: m, verdict: 'negated', critical: false, note: 'inside a negated clause: not a claim of this value' };
    return { mention: m, ...checkers[m.kind](m, g, r, pctsByTurn.get(m.turn) ?? []) };
  });
}
