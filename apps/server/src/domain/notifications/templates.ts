import { textIn } from '../program/local-text.js';
import type { Program } from '../program/program.js';
import type { NotificationKind, NotifyingProgram } from './notify.js';

type Params = Record<string, string | number>;
type Template = { title: string; body: string };

/**
 * Built-in texts per kind and language; `{name}` is replaced by the parameter of that name, and
 * `{tierName}`, `{campaignName}`, `{pointsName}` by the program's own names in the reader's language.
 */
const TEMPLATES: Record<string, Record<NotificationKind, Template>> = {
  en: {
    tierUpgraded: { title: 'New level!', body: 'Keep it up! You are now on {tierName}.' },
    campaignAchieved: { title: 'Reward unlocked!', body: 'You completed {campaignName} and earned {points} {pointsName}.' },
    pointsEarned: { title: 'Points earned', body: 'You earned {points} {pointsName}.' },
    referral: { title: 'Referral rewarded', body: 'Your referral of {friend} earned you {points} {pointsName}.' },
  },
  ar: {
    tierUpgraded: { title: 'مستوى جديد!', body: 'أحسنت! أنت الآن في مستوى {tierName}.' },
    campaignAchieved: { title: 'مكافأة جديدة!', body: 'أكملت {campaignName} وربحت {points} {pointsName}.' },
    pointsEarned: { title: 'ربحت نقاطا', body: 'ربحت {points} {pointsName}.' },
    referral: { title: 'مكافأة الإحالة', body: 'ربحت {points} {pointsName} لإحالة {friend}.' },
  },
};

/** The language a reader gets: the one asked for when the account has it, else the account's default. */
export function readingLanguage(program: Pick<Program, 'languages' | 'defaultLanguage'>, lang: string | undefined): string {
  return lang !== undefined && program.languages.includes(lang) ? lang : program.defaultLanguage;
}

/** Title and body of a stored notification in `lang` (templates fall back to the default language, then English). */
export function renderNotification(program: NotifyingProgram, kind: string, params: Params, lang: string): Template {
  const set = TEMPLATES[lang] ?? TEMPLATES[program.defaultLanguage] ?? TEMPLATES.en!;
  const template = set[kind as NotificationKind] ?? { title: String(params.title ?? kind), body: String(params.body ?? '') };
  const names: Params = { ...params, pointsName: program.pointsName };
  const tier = program.tiers.tiers.find((t) => t.id === params.tierId);
  if (tier) names.tierName = textIn(tier.name, lang, program.defaultLanguage);
  const campaign = program.campaigns.find((c) => c.id === params.campaignId);
  if (campaign) names.campaignName = textIn(campaign.name, lang, program.defaultLanguage);
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in names ? String(names[key]) : whole));
  return { title: fill(template.title), body: fill(template.body) };
}
