import { dataOf, settle } from '../api.js';
import { errorNote, facts, h, json, section, time } from '../dom.js';
import { savedKeys } from '../keys.js';
import type { View } from '../view.js';

/** The account the keys open: its test clock, webhook subscription and program as the configuration operations give it. */
export const accountView: View<Awaited<ReturnType<typeof loadAccount>>> = {
  title: 'Account',
  load: ({ api }) => loadAccount(api),
  render(data) {
    const keys = savedKeys();
    const clock = data.clock instanceof Error ? errorNote(data.clock) : facts('clock', [['Now (test clock)', time(data.clock.now)], ['Moved forward by', `${data.clock.offsetSeconds} s`]]);
    const hook = data.subscription instanceof Error ? errorNote(data.subscription) : facts('subscription', [['Webhook URL', data.subscription.url ?? 'none'], ['Version', data.subscription.version]]);
    return h(
      'div',
      {},
      section('Account', facts('account', [['API key', keys?.apiKey ?? ''], ['Secret key', 'entered (kept in this tab only)']]), clock, hook),
      section('Cashback and points', data.cashback instanceof Error ? errorNote(data.cashback) : json(data.cashback)),
      section('Tiers', data.tiers instanceof Error ? errorNote(data.tiers) : json(data.tiers)),
    );
  },
};

async function loadAccount(api: Parameters<View<unknown>['load']>[0]['api']) {
  const [clock, subscription, cashback, tiers] = await Promise.all([
    settle(api.GET('/_reference/clock', {}).then(dataOf)),
    settle(api.GET('/_reference/webhooks/subscription', {}).then(dataOf)),
    settle(api.GET('/configurations/rewards/cashback', {}).then(dataOf)),
    settle(api.GET('/configurations/tiers', { params: { query: {} } }).then(dataOf)),
  ]);
  return { clock, subscription, cashback, tiers };
}
