import { allHits, EMAIL_RE, trimUrl, URL_RE } from '../../evaluators/nlp/patterns.js';
import { findPhones } from '../../evaluators/nlp/phones.js';

/**
 * The contact points an audited agent may give: every e-mail address, URL and phone number written in the material
 * the business supplied (knowledge, policies, the system brief). Found with the scorers' own detectors, so a contact
 * counts as "allowed" in exactly the form the privacy and hallucination scorers look for it. Anything else the agent
 * gives is a contact nobody authorised.
 */
export function contactsIn(texts: string[]): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    for (const h of allHits(EMAIL_RE, t)) out.add(h.raw);
    for (const h of allHits(URL_RE, t)) if (t[h.start - 1] !== '@') out.add(trimUrl(h.raw)); // not an e-mail's domain
    for (const p of findPhones(t)) out.add(p.raw);
  }
  return [...out];
}
