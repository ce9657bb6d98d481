import { escapeRe, hostOf, normaliseUrl, squash } from '../nlp/patterns.js';
import { samePhone } from '../nlp/phones.js';
import { jaroWinkler } from '../nlp/similarity.js';
import { none, ok, type Result, type TurnScope } from './check.js';
import type { Claim } from './claims.js';
import { availableAt, plainText } from './material.js';
import { NUMBER_WORDS_SOURCE } from '../nlp/number-words.js';
import { GENERIC } from './scope.js';
import { phoneInText } from './phone-shapes.js';
import { compactName, normalName, sameKindHeads, sameNamingWord, sameWord } from './offering-forms.js';

/**
 * Names and contact points. An offering name is supported when the material has it whole, a headed name's modifier
 * next to its head ("Tier: gold" for "Gold tier") or a tier or programme the material names ("VIP programme"), a
 * close variant of a record's name, or all its words close together in one line. A contact point must be one the
 * material gives (the allowed list, the customer's own, a read tool's); a host found nowhere is fabricated.
 */

const NOT_NAMING = new RegExp(`^(?:${NUMBER_WORDS_SOURCE.replace(/\\b/g, '')}|days?|weeks?|months?|years?|hours?|minutes?|yearly|monthly|weekly|daily)$`, 'i');

const MEMBERSHIP_HEAD = /^(?:members?|membership|programme|program|tier|status|club|customers?|level)$/;

export function checkOffering(c: Extract<Claim, { kind: 'offering' }>, s: TurnScope): Result {
  const name = c.value;
  const words = squash(name).split(' ');
  // "Gold tier" is supported by a material "gold" tier; a name without a head noun must be there whole.
  const modifier = c.headed ? words.slice(0, -1).join(' ') : '';
  const text = plainText(s.m, c.turn);
  if (text.includes(squash(name))) return ok('the name is in the material');
  // Written differently: "&" or "and", "programme" or "program", "Flexi-Cover" or "FlexiCover".
  if (normalName(text).includes(normalName(name)) || (compactName(name).length >= 8 && compactName(text).includes(compactName(name)))) return ok('the name is in the material, written differently');
  if (c.lower) {
    // A lower-case name is a description of an offering: its naming words must all be in one line of the material
    // ("the accident-only cover" for "Essential Accident Cover"); "our movers' pass" names nothing the brief has.
    // Numbers and periods describe ("the three-month repair warranty"); they are checked as durations, not names.
    const raw = (t: string, reject?: RegExp): string[] => t.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 4 && !GENERIC.has(w) && !reject?.test(w));
    const naming = raw(words.slice(0, -1).join(' '), NOT_NAMING);
    const lines = s.m.segments.filter(availableAt(c.turn)).flatMap((seg) => seg.text.split(/\n|(?<=[.!?;])\s+/).map((text) => ({ text, customer: seg.origin === 'customer' })));
    // Words match when one starts the other ("flexible" and "Flexi", "health" and "Healthy"); near-synonyms only in
    // the brief or a tool's result ("loyalty scheme" for "Rewards Club"), never in the customer's words.
    const found = lines.find((l) => { const ws = raw(l.text); return naming.every((w) => ws.some((x) => (l.customer ? sameWord : sameNamingWord)(w, x))); });
    const line = found?.text;
    return line ? ok(`its naming words are in the material: "${line.slice(0, 80)}"`) : none('offering not in the material');
  }
  // A headed name: its modifier near its head word ("Tier: gold" for "Gold tier", "Gold members get" for "Gold member").
  if (modifier) {
    // The head may be another of the same kind: "Gold member" for "Gold tier", "Family package" for "Family plan".
    const head = escapeRe((words.at(-1) ?? '').slice(0, 4));
    const kin = `(?:${sameKindHeads(words.at(-1) ?? '').map((h) => escapeRe(h.slice(0, 4))).join('|')})`;
    const near = new RegExp(`(?<![a-z0-9])${escapeRe(modifier)}(?![a-z0-9])(?:\\W+\\w+){0,3}?\\W+${head}|(?<![a-z0-9])${head}\\w*(?:\\W+\\w+){0,3}?\\W+${escapeRe(modifier)}(?![a-z0-9])`
      // Another head of the same kind only right after the modifier ("Gold tier" for "Gold member").
      + `|(?<![a-z0-9])${escapeRe(modifier)}[ -]+(?:[a-z]+[ -]+)?${kin}`);
    if (near.test(text)) return ok(`"${modifier}" with "${words.at(-1)}" in the material`);
    // The modifier is a record's own name ("Flex fare" for the catalog's "Flex"), perhaps after the company's
    // name ("Kestrel Fibre 100 plan" for "Fibre 100" sold by Kestrel Broadband).
    const recordNames = new Set(s.m.records.filter(availableAt(c.turn)).flatMap((rec) => [...rec.names, ...(rec.aliases ?? []).map((a) => a.toLowerCase())]).map(normalName));
    const mw = normalName(modifier).split(' ');
    for (let i = 0; i < mw.length; i++) {
      const rest = mw.slice(i).join(' ');
      // The dropped words must be a proper name the material writes with capitals ("Kestrel", not "value").
      if (i > 0 && !properNameIn(s, c.turn, mw.slice(0, i).join(' '))) break;
      if (rest.length >= 3 && recordNames.has(rest)) return ok(`"${rest}" is the name of an offering in the material`);
    }
    // Membership of a tier or programme the material names: "VIP programme" for "Fernwick Circle (VIP)", "Gold
    // member" for a profile of tier gold.
    if (MEMBERSHIP_HEAD.test(words.at(-1) ?? '')) {
      const re = new RegExp(`(?<![a-z0-9])${escapeRe(modifier)}(?![a-z0-9])`);
      const rec = s.m.records.filter(availableAt(c.turn)).find((x) => x.names.some((n) => re.test(n)));
      if (rec || s.r.crm?.tier === modifier) return ok(`membership of "${modifier}", which the material names`, rec?.ref ?? `crm:${s.r.crm!.id}`);
    }
  }
  // A headed name whose brand-like word (capitals inside, or digits: "ShieldCare cover") the material has.
  const brand = c.headed ? name.split(/\s+/).slice(0, -1).find((w) => /[a-z][A-Z]|[A-Za-z]\d|\d[A-Za-z]/.test(w)) : undefined;
  if (brand && text.includes(brand.toLowerCase())) return ok(`"${brand}" is in the material`);
  const known = s.m.records.filter(availableAt(c.turn)).flatMap((rec) => rec.names);
  const best = known.reduce((acc, k) => Math.max(acc, jaroWinkler(k, squash(name))), 0);
  if (best >= 0.9) return ok(`a variant of a name in the material (similarity ${best.toFixed(2)})`);
  // The same words in another order in one line of the material ("65W USB-C" for "USB-C charger 65W").
  // A generic head may be left out or swapped ("Annual Gold plan" for "Gold Annual"); words may change form.
  const all = normalName(name).split(/[^a-z0-9+]+/).filter(Boolean);
  const own = c.headed && all.length > 2 && sameKindHeads(all.at(-1)!).length > 1 ? all.slice(0, -1) : all;
  // Without its head, the words must stand in one phrase (no sentence or list break between them).
  const split = own === all ? /\n/ : /\n|[.;:,!?()](?:\s|$)/;
  const line = s.m.segments.filter(availableAt(c.turn)).flatMap((seg) => seg.text.split(split)).find((l) => {
    const ws = normalName(l).split(/[^a-z0-9+]+/);
    const at = own.map((w) => ws.findIndex((x) => x === w || (/[a-z]{4}/.test(w) && sameWord(w, x))));
    // All the words, close together (a reordered name, not words scattered over a policy).
    return at.every((i) => i >= 0) && Math.max(...at) - Math.min(...at) <= own.length + 1;
  });
  if (line) return ok(`its words are in the material: "${line.slice(0, 80)}"`);
  return none('offering name not in the material');
}

/** Whether the material writes these words capitalised, as a proper name ("Kestrel Broadband"). */
function properNameIn(s: TurnScope, turn: number, words: string): boolean {
  const re = new RegExp(`(?<![A-Za-z0-9])${words.split(' ').map((w) => `${escapeRe(w[0]!.toUpperCase())}${escapeRe(w.slice(1))}`).join('\\s+')}(?![A-Za-z0-9])`);
  return s.m.segments.some((seg) => availableAt(turn)(seg) && re.test(seg.text));
}

export function checkContact(cc: Extract<Claim, { kind: 'contact' }>, s: TurnScope): Result {
  const k = s.m.contacts;
  if (cc.channel === 'url') {
    const u = normaliseUrl(cc.value);
    if (k.urls.has(u)) return ok('an allowed contact point');
    if (k.hosts.has(hostOf(u))) return none('an allowed host with a path the material does not give');
    // An address on a domain the shared pattern does not read: looked up in the material's text.
    const text = plainText(s.m, cc.turn);
    if (text.includes(u)) return ok('an address in the material');
    if (new RegExp(`(?<![a-z0-9.-])${escapeRe(hostOf(u))}(?![a-z0-9-])`).test(text)) return none('an allowed host with a path the material does not give');
    return none('fabricated contact: URL not in the material', true);
  }
  if (cc.channel === 'email') return k.emails.has(cc.value.toLowerCase()) ? ok('an allowed contact point') : none('fabricated contact: e-mail not in the material', true);
  if (k.phones.some((p) => samePhone(p, cc.value))) return ok('an allowed contact point');
  // A number the material writes in a shape the phone finder does not read ("08001234567", "1300 655 506").
  const seg = s.m.segments.find((x) => availableAt(cc.turn)(x) && phoneInText(cc.value, x.text));
  return seg ? ok('a phone number in the material', seg.ref) : none('fabricated contact: phone not in the material', true);
}
