import type { Policy } from '../../plan/datasets.js';
import type { ResolvedScenario } from '../../plan/material.js';
import { sentences } from '../text/tokens.js';
import type { Tier } from './coupons.js';

const LOYALTY = /loyal|reward|points?\b|member|tier|perk|benefit/i;
const VIP = /\bvip\b|exclusive|premium|concierge|private|early access|invitation|event/i;
const QUEST = /\bearn|bonus|double points|complete|refer|review|challenge|streak/i;

const policiesMatching = (r: ResolvedScenario, re: RegExp): Policy[] => r.policies.filter((p) => re.test(`${p.name} ${p.text}`));

/**
 * The programme's reward table as the company wrote it: sentences of the loyalty policies that name the customer's
 * tier, else the ones for all members. A template system can only print what its configuration holds.
 */
export function tierRewards(r: ResolvedScenario, tier: Tier): { rewards: string[]; quests: string[] } {
  const all = policiesMatching(r, LOYALTY).flatMap((p) => sentences(p.text));
  const tierRe = new RegExp(`\\b${tier}\\b`, 'i');
  const forTier = all.filter((s) => tierRe.test(s));
  const general = all.filter((s) => /all members|every member|members earn|each member/i.test(s));
  const rewards = (forTier.length ? forTier : general.length ? general : all.slice(0, 2)).filter((s) => !QUEST.test(s) || tierRe.test(s));
  const quests = all.filter((s) => QUEST.test(s) && !rewards.includes(s)).slice(0, 3);
  return { rewards: rewards.length ? rewards : all.slice(0, 2), quests };
}

/** Fixed perks of the VIP invitation: the VIP policy's own sentences, else the programme's standard pair. */
export function vipPerks(r: ResolvedScenario): string[] {
  const fromPolicy = policiesMatching(r, VIP).flatMap((p) => sentences(p.text)).filter((s) => VIP.test(s) || /\bvip\b|gold/i.test(s));
  return fromPolicy.length ? fromPolicy.slice(0, 3) : ['Early access to new releases', 'An invitation to our members-only events'];
}

/** The VIP segment rule of a CRM campaign: top tiers, or a high lifetime value. */
export const VIP_LIFETIME_VALUE = 5000;
export const inVipSegment = (r: ResolvedScenario): boolean =>
  r.crm !== undefined && (r.crm.tier === 'vip' || r.crm.tier === 'gold' || r.crm.lifetimeValue >= VIP_LIFETIME_VALUE);
