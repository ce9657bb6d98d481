import type { Policy } from '../../plan/datasets.js';
import type { ResolvedScenario } from '../../plan/material.js';
import { sentences } from '../text/tokens.js';
import type { Tier } from './coupons.js';

const LOYALTY = /loyal|reward|points?\b|member|tier|perk|benefit/i;
const VIP = /\bvip\b|exclusive|premium|concierge|private|early access|invitation|event/i;
const QUEST = /\bearn|bonus points|double points|refer a friend|challenge|streak/i;
const BENEFIT = /\b(get|gets|free|access|discount|off|early|priority|invitation|invited|gift|voucher|perk|benefit|exclusive|upgrade)\b/i;

/** Tier names distinctive enough to count in a sentence ("standard" is also an ordinary word). */
const NAMED_TIERS = ['silver', 'gold', 'vip', 'platinum'];

const policiesMatching = (r: ResolvedScenario, re: RegExp): Policy[] => r.policies.filter((p) => re.test(`${p.name} ${p.text}`));

/** Instructions to staff ("Agents may give ...") are policy, not something a customer template prints. */
const INTERNAL = /^(?:agents?|staff|employees?|customer service)\b|\bagents? (?:may|must|should|can)\b/i;
const customerFacing = (s: string): boolean => !INTERNAL.test(s);

/**
 * The programme's reward table as the company wrote it: sentences of the loyalty policies that name the customer's
 * tier, else the ones for all members. A template system can only print what its configuration holds.
 */
export function tierRewards(r: ResolvedScenario, tier: Tier): { rewards: string[]; quests: string[]; criteria: string[] } {
  const sents = policiesMatching(r, LOYALTY).flatMap((p) => sentences(p.text)).filter(customerFacing);
  // A sentence naming several tiers is the tier table's definition (thresholds), not a reward of this tier.
  const criteria = sents.filter((s) => NAMED_TIERS.filter((t) => new RegExp(`\\b${t}\\b`, 'i').test(s)).length >= 2);
  const all = sents.filter((s) => !criteria.includes(s));
  // "Gold members get ...": the tier name as a member class, so "standard shipping" is not the standard tier.
  const tierRe = new RegExp(`\\b${tier}\\s+(?:members?|tier|customers?|status|level)\\b`, 'i');
  const forTier = all.filter((s) => tierRe.test(s) && BENEFIT.test(s));
  const general = all.filter((s) => /all members|every member|each member/i.test(s) && BENEFIT.test(s));
  // Never fall back to another tier's row: a standard member must not be promised gold perks.
  const otherTier = new RegExp(`\\b(?:${['standard', ...NAMED_TIERS].filter((t) => t !== tier).join('|')})\\s+(?:members?|tier|customers?|status|level)\\b`, 'i');
  const rewards = forTier.length ? forTier : general.length ? general : all.filter((s) => BENEFIT.test(s) && !otherTier.test(s)).slice(0, 2);
  const quests = all.filter((s) => QUEST.test(s) && !rewards.includes(s)).slice(0, 3);
  // The entry tier's only benefit is usually earning points.
  return rewards.length ? { rewards, quests, criteria } : { rewards: quests, quests: [], criteria };
}

/** Fixed perks of the VIP invitation: the VIP policy's own sentences, else the programme's standard pair. */
export function vipPerks(r: ResolvedScenario): string[] {
  const fromPolicy = policiesMatching(r, VIP).flatMap((p) => sentences(p.text)).filter(customerFacing).filter((s) => VIP.test(s) || /\bvip\b|gold/i.test(s));
  return fromPolicy.length ? fromPolicy.slice(0, 3) : ['Early access to new releases', 'An invitation to our members-only events'];
}

/** The VIP segment rule of a CRM campaign: top tiers, or a high lifetime value. */
/** How a tier is printed in templates. */
export const tierLabel = (t: Tier): string => (t === 'vip' ? 'VIP' : `${t[0]!.toUpperCase()}${t.slice(1)}`);

export const VIP_LIFETIME_VALUE = 5000;
export const inVipSegment = (r: ResolvedScenario): boolean =>
  r.crm !== undefined && (r.crm.tier === 'vip' || r.crm.tier === 'gold' || r.crm.lifetimeValue >= VIP_LIFETIME_VALUE);
