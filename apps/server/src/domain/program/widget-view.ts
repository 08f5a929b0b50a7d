import type { components } from '@gameball-open/server-types';
import type { Program } from './program.js';
import type { Widget } from './widget-config.js';

/**
 * The widget settings (GET /configurations/widget): the account's widget flags, each also off
 * when the program lacks the feature (cashback turned off, no referral program), and all off when
 * `gameballEnabled` is false; the program's names and currency.
 */
export function widgetView(program: Program & { widget: Widget }, hasReferralProgram: boolean): components['schemas']['WidgetConfiguration'] {
  const { widget } = program;
  const on = (flag: boolean) => widget.gameballEnabled && flag;
  return {
    gameballEnabled: widget.gameballEnabled,
    redemptionEnabled: on(widget.redemptionEnabled),
    cashbackEnabled: on(widget.cashbackEnabled && program.cashback.enabled),
    leaderboardEnabled: on(widget.leaderboardEnabled),
    notificationsEnabled: on(widget.notificationsEnabled),
    referralEnabled: on(widget.referralEnabled && hasReferralProgram),
    showProfile: on(widget.showProfile),
    currency: program.currency,
    programName: widget.programName,
    rankPointsName: program.scoreName,
    walletPointsName: program.pointsName,
    botMainColor: widget.botMainColor,
  };
}
