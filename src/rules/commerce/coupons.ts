import type { CatalogItem } from '../../plan/datasets.js';
import type { ResolvedScenario } from '../../plan/material.js';
import type { CrmProfile } from '../../plan/datasets.js';

export type Tier = CrmProfile['tier'];

/** The marketing department's fixed coupon per loyalty tier (percent off list price). */
export const TIER_COUPON_PCT = { standard: 5, silver: 10, gold: 15, vip: 20 } satisfies Record<Tier, number>;

/**
 * The largest discount the company allows here: the scenario's commercial bound and any policy term that names a
 * maximum discount, whichever is lower. Undefined when nothing authorises a discount at all.
 */
export function discountCap(r: ResolvedScenario): number | undefined {
  const caps: number[] = [];
  if (r.scenario.bounds.maxDiscountPct !== undefined) caps.push(r.scenario.bounds.maxDiscountPct);
  for (const p of r.policies) for (const [k, v] of Object.entries(p.terms)) if (/max.*discount/i.test(k)) caps.push(v);
  return caps.length ? Math.min(...caps) : undefined;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

export interface PricedOffer {
  discountPct: number;
  listPrice: number;
  price: number;
  bundle: string[];
}

/** Applies a percentage to a basket, then lowers it until the price floor holds. */
export function priceOffer(items: CatalogItem[], pct: number, r: ResolvedScenario): PricedOffer {
  const listPrice = round2(items.reduce((s, i) => s + i.price, 0));
  let discountPct = Math.max(0, pct);
  const floor = r.scenario.bounds.priceFloor;
  if (floor !== undefined && listPrice > 0 && listPrice * (1 - discountPct / 100) < floor) {
    discountPct = Math.max(0, Math.floor((1 - floor / listPrice) * 100));
  }
  return { discountPct, listPrice, price: round2(listPrice * (1 - discountPct / 100)), bundle: items.map((i) => i.sku) };
}

export const tierOf = (r: ResolvedScenario): Tier => r.crm?.tier ?? 'standard';

/** The fixed tier coupon, capped; undefined when no discount is authorised. */
export function tierCoupon(r: ResolvedScenario): number | undefined {
  const cap = discountCap(r);
  if (cap === undefined) return undefined;
  return Math.min(TIER_COUPON_PCT[tierOf(r)], cap);
}

export const currencyOf = (r: ResolvedScenario): string => r.catalog[0]?.currency ?? r.scenario.bounds.currency;
