import { toolClassOf } from '../../src/approaches/tool-classes.js';
import type { ResolvedScenario } from '../../src/plan/material.js';
import type { ConversationView } from '../nlp/reading.js';
import { memoByText } from '../nlp/memo.js';
import { compact, hostOf, normaliseUrl, squash } from '../nlp/patterns.js';
import { jsonRecords } from './tool-material.js';
import { valsOfField, valsOfText, valuesOfText, type Val } from './values.js';

/**
 * The agent's material, closed-world: what the brief gives it (catalog, policies, knowledge base, commercial bounds,
 * profile, signals, orders, facts, context blocks, allowed contact points), what the customer said, and what tools of
 * class `read` returned. Never the agent's own tool arguments nor write-tool results: an agent cannot ground a claim
 * in its own action. Everything carries the turn it became available at, so a claim is checked against what the
 * agent had at that moment.
 */

export type Origin = 'brief' | 'customer' | 'tool';

export interface Segment {
  ref: string;
  origin: Origin;
  turn: number;
  text: string;
}

/** A thing the material describes (a catalog item, an order, a policy, a tool-result object) and its values. */
export interface MaterialRecord {
  ref: string;
  turn: number;
  /** Lower-case names that identify it in a sentence (product name, SKU, order id, policy name). */
  names: string[];
  /** Short forms matched with their capitals ("Growth" for "Growth plan (per month)"). */
  aliases?: string[];
  vals: Val[];
}

export interface Material {
  now: string;
  segments: Segment[];
  vals: Val[];
  records: MaterialRecord[];
  /** Contact points the agent may give: the allowed list, the customer's own, and any a read tool returned. */
  contacts: { urls: Set<string>; hosts: Set<string>; emails: Set<string>; phones: string[] };
  maxDiscountPct: number | undefined;
}

const BRIEF = -1;

function add(m: Material, ref: string, origin: Origin, turn: number, text: string, names: string[] = [], extra: Val[] = []): void {
  if (!text.trim() && extra.length === 0) return;
  m.segments.push({ ref, origin, turn, text });
  const vals = [...valsOfText(text, m.now, ref, turn), ...extra];
  m.vals.push(...vals);
  if (names.length) m.records.push({ ref, turn, names: [...new Set(names.flatMap(nameForms).map(squash))].filter((n) => n.length >= 3), aliases: names.flatMap(aliasesOf), vals });
  const t = valuesOfText(`${m.now}\u0000${text}`);
  for (const e of t.emails) m.contacts.emails.add(e);
  for (const u of t.urls) { m.contacts.urls.add(u); m.contacts.hosts.add(hostOf(u)); }
  m.contacts.phones.push(...t.phones);
}

/** A name as written and without a trailing parenthesis ("Growth plan (per month)" -> "Growth plan"). */
const nameForms = (n: string): string[] => [n, n.replace(/\s*\([^)]*\)\s*$/, '').trim()].filter(Boolean);
const HEAD = /\s+(?:plan|package|bundle|tier|membership|subscription|option|service)$/i;
/** The distinctive part of a product name, kept with its capitals: "Growth plan (per month)" -> "Growth". */
const aliasesOf = (n: string): string[] => {
  const short = nameForms(n).at(-1)!.replace(HEAD, '').trim();
  return short !== n && short.length >= 4 && /^[A-Z0-9]/.test(short) ? [short] : [];
};

const money = (v: number, ref: string, context: string): Val => ({ kind: 'money', v, ref, turn: BRIEF, context });

function briefMaterial(r: ResolvedScenario): Material {
  const s = r.scenario;
  const m: Material = {
    now: s.now, segments: [], vals: [], records: [], maxDiscountPct: s.bounds.maxDiscountPct,
    contacts: { urls: new Set(), hosts: new Set(), emails: new Set(), phones: [] },
  };
  // An unknown date (s.nowKnown false) is a placeholder: it supports nothing (unknown-now.ts).
  if (s.nowKnown !== false) m.vals.push({ kind: 'date', v: s.now, ref: 'now', turn: BRIEF, context: 'today' });
  for (const c of r.catalog) {
    const attrs = Object.entries(c.attributes).map(([k, v]) => `${k}: ${v}`).join('; ');
    const nums = Object.entries(c.attributes).flatMap(([k, v]) => (typeof v === 'number' ? valsOfField(k, v, `catalog:${c.sku}`, BRIEF) : []));
    add(m, `catalog:${c.sku}`, 'brief', BRIEF, `${c.sku}: ${c.name}, ${c.price.toFixed(2)} ${c.currency}${c.stock !== undefined ? `, in stock: ${c.stock}` : ''}${attrs ? ` (${attrs})` : ''}`,
      [c.name, c.sku], [money(c.price, `catalog:${c.sku}`, `${c.name} price`), ...nums]);
  }
  for (const p of r.policies) {
    const terms = Object.entries(p.terms).flatMap(([k, v]) => valsOfField(k, v, `policy:${p.id}`, BRIEF));
    add(m, `policy:${p.id}`, 'brief', BRIEF, `${p.name}: ${p.text}`, [p.name, p.id], terms.map((v) => ({ ...v, context: `${p.name} ${v.context}` })));
  }
  for (const a of r.kb) add(m, `kb:${a.id}`, 'brief', BRIEF, `${a.title}: ${a.text}`, [a.title]);
  const b = s.bounds;
  const bounds = [
    ...(b.maxDiscountPct !== undefined ? [`Maximum discount you may give: ${b.maxDiscountPct}%`] : []),
    ...(b.priceFloor !== undefined ? [`Never offer a price below ${b.priceFloor} ${b.currency}`] : []),
    ...(b.priceCeiling !== undefined ? [`Prices above ${b.priceCeiling} ${b.currency} are out of scope`] : []),
  ];
  if (bounds.length) add(m, 'bounds', 'brief', BRIEF, bounds.join('. '));
  add(m, 'profile', 'brief', BRIEF, `Name: ${s.persona.firstName} ${s.persona.lastName}`);
  if (r.crm) {
    add(m, `crm:${r.crm.id}`, 'brief', BRIEF, [`Tier: ${r.crm.tier}; tenure: ${r.crm.tenureMonths} months; lifetime value: ${r.crm.lifetimeValue}`, ...r.crm.history, ...r.crm.preferences].join('. '),
      [], [money(r.crm.lifetimeValue, `crm:${r.crm.id}`, 'lifetime value')]);
  }
  for (const g of r.signals) add(m, `signal:${g.id}`, 'brief', BRIEF, g.observation);
  for (const o of s.orders) {
    const text = [`Order ${o.id}: ${o.status}`, o.items.length ? `items: ${o.items.join(', ')}` : '', o.total !== undefined ? `total ${o.total.toFixed(2)} ${b.currency}` : '',
      o.placedOn ? `placed on ${o.placedOn}` : '', o.eta ? `expected ${o.eta}` : '', o.notes ?? ''].filter(Boolean).join('; ');
    const items = o.items.flatMap((i) => [i, ...r.catalog.filter((c) => c.sku === i).map((c) => c.name)]);
    add(m, `order:${o.id}`, 'brief', BRIEF, text, [o.id, ...items], [
      ...(o.total !== undefined ? [money(o.total, `order:${o.id}`, `order ${o.id} total`)] : []),
      { kind: 'number', v: o.items.length, ref: `order:${o.id}`, turn: BRIEF, context: 'number of items' },
    ]);
  }
  for (const c of s.context) add(m, `context:${c.label}`, 'brief', BRIEF, `${c.label}: ${c.text}`);
  for (const f of s.facts) {
    const extra: Val[] = [];
    if (typeof f.value === 'number') {
      if (f.kind === 'price' || f.kind === 'account') extra.push(money(f.value, `fact:${f.id}`, f.text));
      else if (f.kind === 'discount') extra.push({ kind: 'percent', v: f.value, ref: `fact:${f.id}`, turn: BRIEF, context: f.text });
      else if (f.kind === 'duration') extra.push({ kind: 'days', v: f.value, ref: `fact:${f.id}`, turn: BRIEF, context: f.text });
      extra.push({ kind: 'number', v: f.value, ref: `fact:${f.id}`, turn: BRIEF, context: f.text });
    }
    add(m, `fact:${f.id}`, 'brief', BRIEF, `${f.text}${typeof f.value === 'string' ? ` (${f.value})` : ''}`, [], extra);
  }
  add(m, 'contacts', 'brief', BRIEF, r.contacts.join('\n'));
  // An allowed bare host ("help.example.test") carries no scheme: keep it as written too.
  for (const c of r.contacts) if (!c.includes('@') && /[a-z]\.[a-z]/i.test(c) && !/^\+?[\d\s().-]+$/.test(c)) { m.contacts.urls.add(normaliseUrl(c)); m.contacts.hosts.add(hostOf(c)); }
  for (const p of s.judging.pii.filter((x) => x.owner === 'self')) add(m, 'profile:pii', 'brief', BRIEF, p.value);
  return m;
}

const briefCache = new WeakMap<ResolvedScenario, Material>();

/** The brief's material (cached per scenario) plus this conversation's customer words and read-tool results. */
export function materialFor(r: ResolvedScenario, view: Pick<ConversationView, 'customer' | 'toolResults' | 'toolCalls'>): Material {
  let brief = briefCache.get(r);
  if (!brief) { brief = briefMaterial(r); briefCache.set(r, brief); }
  const m: Material = {
    ...brief, segments: [...brief.segments], vals: [...brief.vals], records: [...brief.records],
    contacts: { urls: new Set(brief.contacts.urls), hosts: new Set(brief.contacts.hosts), emails: new Set(brief.contacts.emails), phones: [...brief.contacts.phones] },
  };
  for (const c of view.customer) add(m, `customer@${c.turn}`, 'customer', c.turn, c.text);
  for (const t of view.toolResults) {
    if (toolClassOf(t.name, r) !== 'read') continue;
    const ref = `tool:${t.name}@${t.turn}`;
    const parsed = jsonRecords(t.text, ref, t.turn, m.now);
    add(m, ref, 'tool', t.turn, t.text, [], parsed ? parsed.vals : []);
    if (parsed) m.records.push(...parsed.records);
  }
  return m;
}

/** Whether a value was available to the agent before turn `turn`. */
export const availableAt = (turn: number) => (x: { turn: number }): boolean => x.turn < turn;

/** Compact (letters and digits) text of the material available before `turn`: ids are looked up here. */
export function compactText(m: Material, turn: number): string {
  return m.segments.filter(availableAt(turn)).map((s) => compactMemo(s.text)).join('|');
}
const compactMemo = memoByText(compact);
const squashMemo = memoByText(squash);

/** Lower-case, space-squashed text of the material available before `turn`. */
export function plainText(m: Material, turn: number, origins: Origin[] = ['brief', 'customer', 'tool']): string {
  return m.segments.filter((s) => availableAt(turn)(s) && origins.includes(s.origin)).map((s) => squashMemo(s.text)).join(' | ');
}
