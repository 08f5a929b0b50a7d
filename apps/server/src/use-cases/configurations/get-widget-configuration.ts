import type { components } from '@gameball-open/server-types';
import { widgetView } from '../../domain/program/widget-view.js';
import type { Scope } from '../../scope.js';

/** GET /configurations/widget: what the account's widget shows; features the program lacks read as off. */
export async function getWidgetConfiguration({ account }: Scope): Promise<components['schemas']['WidgetConfiguration']> {
  return widgetView(account.program, account.program.referral !== null);
}
