import { ApiError, dataOf, settle, type Api } from '../api.js';
import { errorNote, facts, h, section, table, time } from '../dom.js';
import type { View } from '../view.js';

/** One customer (`#/customers/{customerId}`): profile, tier and progress, wallet, raw ledger, holds, coupons, notifications. */
export const customerView: View<Awaited<ReturnType<typeof load>>> = {
  title: 'Customer',
  load: ({ api, route }) => load(api, route.path[1] ?? ''),
  render(data) {
    const part = <T>(value: T | ApiError, draw: (value: T) => Node): Node => (value instanceof ApiError ? errorNote(value) : draw(value));
    return h(
      'div',
      { 'data-testid': 'customer', 'data-customer-id': data.customerId },
      h('h1', {}, data.customerId),
      h(
        'div',
        { class: 'columns' },
        section(
          'Profile',
          part(data.summary, (s) => (s ? facts('profile', [['Gameball ID', s.gameballId], ['Name', s.displayName ?? '—'], ['Email', s.email ?? '—'], ['Mobile', s.mobile ?? '—'], ['Created', time(s.createdAt)]]) : h('p', { class: 'empty' }, 'No such customer.'))),
          part(data.profile, (p) => facts('profile-public', [['Referral code', p.referralCode ?? '—'], ['Country', p.customerAttributes.country ?? '—']])),
        ),
        section('Tier', part(data.tier, (t) => facts('tier', [['Tier', t.current?.name ?? 'no tiers'], ['Progress', t.progress], ['Next', t.next ? `${t.next.name} at ${t.next.minProgress}` : '—']]))),
        section(
          'Wallet',
          part(data.balance, (b) =>
            facts('wallet', [
              ['Balance', b.totalPointsBalance],
              ['Active (available)', b.availablePointsBalance],
              ['Pending', b.pendingPoints],
              ['Held', b.heldPoints],
              ['Expiring next', b.nextExpiringPointsAmount ? `${b.nextExpiringPointsAmount} on ${time(b.nextExpiringPointsDate)}` : '—'],
            ]),
          ),
        ),
      ),
      section(
        'Ledger',
        part(data.ledger, (l) =>
          table(
            'ledger',
            ['#', 'Type', 'Points', 'Status', 'Before', 'After', 'Operation', 'Transaction', 'Time', 'Expires'],
            l.entries.map((e) => [e.gameballTransactionId, e.type, `${e.direction}${e.points}`, e.status, e.balanceBefore, e.balanceAfter, e.operation, e.transactionId, time(e.transactionTime), time(e.expiryDate)]),
            'No ledger entries.',
          ),
        ),
      ),
      section(
        'Holds',
        part(data.holds, (holds) =>
          table('customer-holds', ['Reference', 'Points', 'Amount', 'State', 'Expires', 'Closed'], holds.map((x) => [x.holdReference, x.points, x.amount, x.state, time(x.expiresAt), time(x.closedAt)]), 'No holds.'),
        ),
      ),
      section(
        'Coupons',
        part(data.coupons, (coupons) =>
          table('coupons', ['Code', 'Name', 'Type', 'Value', 'Used', 'Usable', 'Expires'], coupons.map((c) => [c.code, c.name, c.type, c.value, c.customerUsedCount ?? 0, c.isAvailableToUse ? 'yes' : 'no', time(c.expiryDate)]), 'No coupons.'),
        ),
      ),
      section(
        'Notifications',
        part(data.notifications, (list) => table('notifications', ['Time', 'Title', 'Body', 'Read'], list.map((n) => [time(n.createdAt), n.title, n.body, n.isRead ? 'yes' : 'no']), 'No notifications.')),
      ),
    );
  },
};

async function load(api: Api, customerId: string) {
  const path = { customerId };
  const [summary, profile, balance, tier, ledger, holds, coupons, notifications] = await Promise.all([
    settle(api.GET('/_reference/customers', { params: { query: { q: customerId } } }).then((a) => dataOf(a).customers.find((c) => c.customerId === customerId))),
    settle(api.GET('/customers/{customerId}', { params: { path } }).then(dataOf)),
    settle(api.GET('/customers/{customerId}/balance', { params: { path } }).then(dataOf)),
    settle(api.GET('/customers/{customerId}/tier-progress', { params: { path } }).then(dataOf)),
    settle(api.GET('/_reference/customers/{customerId}/ledger', { params: { path, query: { limit: 200 } } }).then(dataOf)),
    settle(api.GET('/_reference/holds', { params: { query: { customerId } } }).then((a) => dataOf(a).holds)),
    settle(api.GET('/customers/{customerId}/coupons', { params: { path } }).then((a) => dataOf(a).coupons)),
    settle(api.GET('/customers/{customerId}/notifications', { params: { path, query: { limit: 50 } } }).then((a) => dataOf(a).notifications)),
  ]);
  return { customerId, summary, profile, balance, tier, ledger, holds, coupons, notifications };
}
