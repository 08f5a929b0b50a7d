import { booleanOf, integerOf, objectOf, oneOf, textOf } from '../program/config-readers.js';
import { parseLocalText, type LocalText } from '../program/local-text.js';
import { parseConditions } from '../campaigns/conditions-config.js';
import type { Condition } from '../campaigns/campaign-config.js';
import type { Program } from '../program/program.js';

export const REFERRAL_METHODS = ['PlayerAndFriend', 'PlayerOnly', 'PlayerAndGuest'] as const;
export type ReferralMethod = (typeof REFERRAL_METHODS)[number];

export interface ReferralReward {
  rewardType: 'Vouchers' | 'Score&Points';
  score: number;
  point: number;
  /** A voucher as configured (shown by the configuration endpoint; no coupon engine behind it yet). */
  voucher: Record<string, unknown> | null;
}

export interface ReferralProgram {
  method: ReferralMethod;
  /** The friend's event that makes the referral Active; '' = the friend's first order (`place_order`). */
  eventName: string;
  eventMetaData: Condition[];
  playerReward: ReferralReward & { extraReward: (ReferralReward & { rewardEvery: number }) | null };
  friendReward: ReferralReward | null;
  /** How long after registration a friend's `referrerCode` is still taken. */
  registrationWindowMinutes: number;
  description: LocalText;
}

/** A program with its referral settings (null: no referral program): what the referral rules read. */
export type ReferralsProgram = Program & { referral: ReferralProgram | null };

function parseReward(raw: unknown, where: string): ReferralReward {
  const r = objectOf(raw, where);
  return {
    rewardType: oneOf(r.rewardType ?? 'Score&Points', `${where}.rewardType`, ['Vouchers', 'Score&Points'] as const),
    score: integerOf(r.score ?? 0, `${where}.score`, 0, 1e12),
    point: integerOf(r.point ?? 0, `${where}.point`, 0, 1e12),
    voucher: r.voucher === undefined || r.voucher === null ? null : objectOf(r.voucher, `${where}.voucher`),
  };
}

/** Reads the account's `referral` block; null when the account runs no referral program. */
export function parseReferralProgram(raw: unknown, where: string, defaultLanguage: string): ReferralProgram | null {
  if (raw === undefined || raw === null) return null;
  const r = objectOf(raw, where);
  if (!booleanOf(r.enabled ?? true, `${where}.enabled`)) return null;
  const player = objectOf(r.playerReward, `${where}.playerReward`);
  const extra = player.extraReward === undefined || player.extraReward === null ? null : objectOf(player.extraReward, `${where}.playerReward.extraReward`);
  return {
    method: oneOf(r.referralMethod ?? 'PlayerAndFriend', `${where}.referralMethod`, REFERRAL_METHODS),
    eventName: r.eventName === undefined || r.eventName === '' ? '' : textOf(r.eventName, `${where}.eventName`),
    eventMetaData: parseConditions(r.eventMetaData, `${where}.eventMetaData`),
    playerReward: {
      ...parseReward(player, `${where}.playerReward`),
      extraReward: extra && { ...parseReward(extra, `${where}.playerReward.extraReward`), rewardEvery: integerOf(extra.rewardEvery, `${where}.playerReward.extraReward.rewardEvery`, 1, 1e6) },
    },
    friendReward: r.friendReward === undefined || r.friendReward === null ? null : parseReward(r.friendReward, `${where}.friendReward`),
    registrationWindowMinutes: integerOf(r.registrationWindowMinutes ?? 5, `${where}.registrationWindowMinutes`, 0, 525_600),
    description: parseLocalText(r.description, `${where}.description`, defaultLanguage),
  };
}
