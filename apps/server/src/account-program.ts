import { parseCampaigns } from './domain/campaigns/campaign-config.js';
import type { CampaignProgram } from './domain/campaigns/campaign-config.js';
import { parseCouponProgram, type CouponProgram } from './domain/coupons/coupon-program.js';
import { objectOf } from './domain/program/config-readers.js';
import { parseProgram } from './domain/program/program.js';
import { parseWidget, type Widget } from './domain/program/widget-config.js';
import { parseReferralProgram, type ReferralsProgram } from './domain/referrals/referral-config.js';
import { parseTierProgram } from './domain/tiers/tier-config.js';

/**
 * An account's whole program: the points economics (domain/program) and the settings of each
 * feature built on it (tiers, reward campaigns, referrals, redemption rules and coupons, the
 * widget). Capability folders know only the part they need (TieredProgram, CampaignProgram,
 * ReferralsProgram, CouponProgram); this composite
 * sits above them all, so that none of them depends on the others' settings.
 */
export type AccountProgram = CampaignProgram & ReferralsProgram & CouponProgram & { widget: Widget };

/** Reads an account's `program` block; what it leaves out takes the defaults (README, Configuration). */
export function parseAccountProgram(raw: unknown, where: string): AccountProgram {
  const program = parseProgram(raw, where);
  const given = objectOf(raw, where);
  const language = program.defaultLanguage;
  return {
    ...program,
    tiers: parseTierProgram(given.tiers, `${where}.tiers`, language),
    campaigns: parseCampaigns(given.rewardCampaigns, `${where}.rewardCampaigns`, language),
    referral: parseReferralProgram(given.referral, `${where}.referral`, language),
    widget: parseWidget(given.widget, `${where}.widget`),
    ...parseCouponProgram(given, where),
  };
}
