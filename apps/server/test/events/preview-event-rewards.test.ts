import { expect, it } from 'vitest';
import { previewEvents } from '../../src/domain/campaigns/preview-events.js';
import { describeOnStorages, shop, uid } from '../support/harness.js';
import { campaignApi } from '../campaigns/campaign-api.js';

describeOnStorages('event reward preview', (server) => {
  const api = campaignApi(server);

  it('shows the points the same event then earns, and writes nothing', async () => {
    const customerId = await api.customer();
    const balanceBefore = await api.points().balance(customerId);
    const countsBefore = await api.counts();
    const { data, response } = await api.preview(customerId, { review_submitted: { rating: 5 } });
    expect(response.status).toBe(200);
    expect(data).toEqual({
      customerId,
      totalPoints: 10,
      events: [
        {
          eventName: 'review_submitted',
          valid: true,
          invalidReason: null,
          totalPoints: 10,
          campaigns: [
            {
              campaignId: 102,
              campaignName: 'Review a product',
              campaignEndDate: null,
              eligible: true,
              reason: 'Rewarded',
              rewardType: 'Points',
              rewardPoints: 10,
              couponType: null,
              couponValue: null,
              points: 10,
              timesAchieved: 1,
              progress: { currentPercentage: 0, wouldBePercentage: 100 },
            },
          ],
        },
      ],
    });
    expect(await api.counts()).toEqual(countsBefore);
    expect(await api.points().balance(customerId)).toEqual(balanceBefore);
    await api.sendOk(customerId, { review_submitted: { rating: 5 } });
    const after = await api.points().balance(customerId);
    expect(after.totalPointsBalance - balanceBefore.totalPointsBalance).toBe(data!.totalPoints);
  });

  it('reports progress only, no match, unknown events and bad metadata per event, in request order', async () => {
    const customerId = await api.customer();
    await api.sendOk(customerId, { book_read: { pages: 30 } });
    const { data } = await api.preview(customerId, {
      book_read: { pages: 20 },
      review_submitted: { rating: 2 },
      nobody_listens: {},
      store_visited: { store: { nested: true } } as never,
      profile_completed: null,
    });
    expect(data!.totalPoints).toBe(0);
    expect(data!.events.map((e) => [e.eventName, e.valid, e.invalidReason])).toEqual([
      ['book_read', true, null],
      ['review_submitted', true, null],
      ['nobody_listens', false, 'EventNotFound'],
      ['store_visited', false, expect.stringMatching(/^InvalidMetadata: /)],
      ['profile_completed', true, null],
    ]);
    expect(data!.events[0]!.campaigns[0]).toMatchObject({ campaignId: 152, eligible: true, reason: 'ProgressOnly', points: 0, progress: { currentPercentage: 30, wouldBePercentage: 50 } });
    expect(data!.events[1]!.campaigns[0]).toMatchObject({ campaignId: 102, eligible: false, reason: 'NoMatchingConditions', points: 0 });
    expect(data!.events[4]!.campaigns[0]).toMatchObject({ campaignId: 150, reason: 'ProgressOnly', progress: { currentPercentage: 0, wouldBePercentage: 50 } });
  });

  it('leaves out campaigns the customer can no longer achieve; names fall back to the default language', async () => {
    const customerId = await api.customer();
    await api.sendOk(customerId, { profile_completed: {}, newsletter_joined: {} });
    const { data } = await api.preview(customerId, { newsletter_joined: {}, vip_lounge_visit: {}, promo_clicked: {} }, 'ar');
    expect(data!.events.map((e) => e.campaigns.length)).toEqual([0, 0, 1]); // 150 done, 103 closed, 158 expired
    expect(data!.events[2]!.campaigns[0]).toMatchObject({ campaignId: 159, campaignName: 'Hidden bonus', points: 1 });
    await api.sendOk(customerId, { promo_clicked: {} });
    const again = await api.preview(customerId, { promo_clicked: {} });
    expect(again.data!.events[0]!.campaigns).toEqual([]);
  });

  it('counts what earlier events of the same call did', async () => {
    const customerId = await api.customer();
    const { data } = await api.preview(customerId, { profile_completed: {}, newsletter_joined: {} });
    expect(data!.events[1]!.campaigns[0]).toMatchObject({ campaignId: 150, reason: 'Rewarded', points: 20 });
    expect(data!.totalPoints).toBe(20);
  });

  it('answers 404 (7000) for an unknown customer and creates nobody', async () => {
    const customerId = uid('ghost');
    const { response, error } = await api.preview(customerId, { review_submitted: { rating: 5 } });
    expect(response.status).toBe(404);
    expect(error?.code).toBe(7000);
    const lookup = await api.gb().GET('/customers/{customerId}', { params: { path: { customerId } } });
    expect(lookup.response.status).toBe(404);
  });

  it('answers 404 for an opted-out customer', async () => {
    const customerId = await api.customer();
    await api.optOut(customerId);
    const { response } = await api.preview(customerId, { review_submitted: { rating: 5 } });
    expect(response.status).toBe(404);
  });

  it('quotes a place_order event for a customer not stored yet (what the order preview uses)', async () => {
    const now = server().clock.now().toISOString();
    const order = (total: number) => [{ name: 'place_order', metadata: { total_paid: total, order_id: 'o1' } }];
    const big = await previewEvents(server().store, shop.program, { customerId: uid('new') }, order(300), now);
    expect(big.totalPoints).toBe(40);
    expect(big.events[0]!.campaigns.map((c) => [c.campaignId, c.reason])).toEqual([[107, 'Rewarded']]);
    const small = await previewEvents(server().store, shop.program, { customerId: uid('new') }, order(299.99), now);
    expect(small.events[0]!.campaigns.map((c) => [c.campaignId, c.reason, c.points])).toEqual([[107, 'NoMatchingConditions', 0]]);
  });
});
