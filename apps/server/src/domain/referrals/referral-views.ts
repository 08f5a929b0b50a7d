import type { components } from '@gameball-open/server-types';
import { textIn } from '../program/local-text.js';
import type { ReferralProgram, ReferralReward } from './referral-config.js';

type Schemas = components['schemas'];

function reward(r: ReferralReward): Schemas['ReferralReward'] {
  return { rewardType: r.rewardType, score: r.score, point: r.point, voucher: r.voucher };
}

/** A referral program in the seed's referral object shape, its description in `lang` (else the default language). */
export function referralConfigurationView(program: ReferralProgram, lang: string | undefined, defaultLanguage: string): Schemas['ReferralConfiguration'] {
  const extra = program.playerReward.extraReward;
  return {
    referralMethod: program.method,
    eventName: program.eventName,
    eventMetaData: program.eventMetaData.length === 0 ? null : program.eventMetaData.map((c) => ({ ...c })),
    playerReward: { ...reward(program.playerReward), extraReward: extra && { rewardEvery: extra.rewardEvery, ...reward(extra) } },
    friendReward: program.method === 'PlayerOnly' || !program.friendReward ? null : reward(program.friendReward),
    registrationWindowMinutes: program.registrationWindowMinutes,
    description: textIn(program.description, lang, defaultLanguage),
  };
}
