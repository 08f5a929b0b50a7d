import { booleanOf, objectOf, textOf } from './config-readers.js';

/** What the account's widget shows (GET /configurations/widget); `gameballEnabled: false` hides everything. */
export interface Widget {
  gameballEnabled: boolean;
  redemptionEnabled: boolean;
  cashbackEnabled: boolean;
  leaderboardEnabled: boolean;
  notificationsEnabled: boolean;
  referralEnabled: boolean;
  showProfile: boolean;
  programName: string;
  botMainColor: string;
}

const DEFAULT_WIDGET: Widget = {
  gameballEnabled: true,
  redemptionEnabled: true,
  cashbackEnabled: true,
  leaderboardEnabled: true,
  notificationsEnabled: true,
  referralEnabled: true,
  showProfile: true,
  programName: 'Rewards',
  botMainColor: '#E7633F',
};

export function parseWidget(raw: unknown, where: string): Widget {
  const given = objectOf(raw, where);
  const widget = { ...DEFAULT_WIDGET };
  for (const [key, value] of Object.entries(given)) {
    if (!(key in DEFAULT_WIDGET)) throw new Error(`${where}.${key} is not a widget setting.`);
    const current = DEFAULT_WIDGET[key as keyof Widget];
    (widget as Record<string, unknown>)[key] = typeof current === 'boolean' ? booleanOf(value, `${where}.${key}`) : textOf(value, `${where}.${key}`);
  }
  return widget;
}
