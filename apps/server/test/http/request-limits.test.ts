import { expect, it } from 'vitest';
import { LIMITS } from '../../src/domain/shared/limits.js';
import { campaignApi } from '../campaigns/campaign-api.js';
import { describeOnStorages, nowIso, shop, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

type Answer = { error?: unknown; response: Response };
type Metadata = Record<string, string | number | boolean | null | Array<string | number | boolean | null>>;

function expectOverLimit(answer: Answer): void {
  expect([answer.response.status, (answer.error as { code?: number } | undefined)?.code], JSON.stringify(answer.error)).toEqual([422, 3011]);
}

function expectOk(answer: Answer): void {
  expect([answer.response.status, answer.error], JSON.stringify(answer.error)).toEqual([200, undefined]);
}

/** `count` events `e0`, `e1`, ... with a review (which earns 10 points on the shop account) as the last one. */
function eventsWithReview(count: number): Record<string, Metadata> {
  const events: Record<string, Metadata> = Object.fromEntries(Array.from({ length: count - 1 }, (_, i) => [`e${i}`, {}]));
  events.review_submitted = { rating: 5 };
  return events;
}

describeOnStorages('limits of events, orders, payments and merchants', (server) => {
  const api = campaignApi(server);
  const pub = () => server().client({ apiKey: shop.apiKey });
  const points = () => pointsApi(server().as(shop));
  /** What the customer holds: balance and ledger (both keys). */
  const holdings = async (customerId: string) => ({ balance: await points().balance(customerId), ledger: await points().ledger(customerId) });

  it(`takes at most ${LIMITS.eventsPerCall} events in one call; one more is refused and writes nothing`, async () => {
    const customerId = await api.customer();
    const before = await holdings(customerId);
    expectOverLimit(await pub().POST('/events', { body: { customerId, events: eventsWithReview(LIMITS.eventsPerCall + 1) } }));
    expect(await holdings(customerId)).toEqual(before);
    const stranger = uid('stranger');
    expectOverLimit(await pub().POST('/events', { body: { customerId: stranger, events: eventsWithReview(LIMITS.eventsPerCall + 1) } }));
    expect((await server().as(shop).GET('/customers/{customerId}', { params: { path: { customerId: stranger } } })).error).toMatchObject({ code: 7000 });
    expectOk(await pub().POST('/events', { body: { customerId, events: eventsWithReview(LIMITS.eventsPerCall) } }));
    expect((await points().balance(customerId)).totalPointsBalance).toBe(before.balance.totalPointsBalance + 10);
  });

  it('holds event names and metadata (keys, key length, texts, lists) to their limits; over them nothing is written', async () => {
    const customerId = await api.customer();
    const keys = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`key${i}`, i]));
    const list = (count: number) => Array.from({ length: count }, (_, i) => i);
    const longKey = 'k'.repeat(LIMITS.metadataKeyLength);
    const text = 'x'.repeat(LIMITS.metadataTextLength);
    const within = { ...keys(LIMITS.metadataKeys - 4), [longKey]: 1, note: text, sizes: list(LIMITS.metadataListItems), rating: 5 };
    const before = await holdings(customerId);
    const overLimit: Array<Record<string, Metadata>> = [
      { [`${'n'.repeat(LIMITS.eventNameLength)}n`]: {} },
      { review_submitted: { ...keys(LIMITS.metadataKeys), rating: 5 } },
      { review_submitted: { [`${longKey}k`]: 1, rating: 5 } },
      { review_submitted: { note: `${text}x`, rating: 5 } },
      { review_submitted: { sizes: list(LIMITS.metadataListItems + 1), rating: 5 } },
      { review_submitted: { tags: [`${text}x`], rating: 5 } },
    ];
    for (const events of overLimit) {
      expectOverLimit(await pub().POST('/events', { body: { customerId, events } }));
    }
    expect(await holdings(customerId)).toEqual(before);
    expectOk(await pub().POST('/events', { body: { customerId, events: { [`${'n'.repeat(LIMITS.eventNameLength)}`]: {}, review_submitted: within } } }));
    expect((await points().balance(customerId)).totalPointsBalance).toBe(before.balance.totalPointsBalance + 10);
  });

  it(`tracks an order of ${LIMITS.lineItemsPerOrder} lines; one more line is refused and nothing is tracked`, async () => {
    const customerId = await api.customer();
    const lines = (count: number) => Array.from({ length: count }, (_, i) => ({ productId: `p${i}`, price: 1, quantity: 1 }));
    const order = (count: number) => ({ customerId, orderId: uid('ord'), orderDate: nowIso(), totalPaid: count, lineItems: lines(count) });
    const before = await holdings(customerId);
    const tooLong = order(LIMITS.lineItemsPerOrder + 1);
    expectOverLimit(await server().as(shop).POST('/orders', { body: tooLong }));
    expect(await holdings(customerId)).toEqual(before);
    const listed = await server().as(shop).GET('/orders/{orderId}/transactions', { params: { path: { orderId: tooLong.orderId } } });
    expect(listed.response.status).toBe(404);
    expectOk(await server().as(shop).POST('/orders', { body: order(LIMITS.lineItemsPerOrder) }));
    expect((await points().balance(customerId)).totalPointsBalance).toBeGreaterThan(before.balance.totalPointsBalance);
  });

  it(`takes at most ${LIMITS.lineItemsPerOrder} services on a payment; one more is refused and nothing is tracked`, async () => {
    const customerId = await api.customer();
    const services = (count: number) => Array.from({ length: count }, (_, i) => ({ serviceId: `s${i}`, amount: 1 }));
    const payment = (count: number) => ({ customerId, paymentId: uid('pay'), paymentDate: nowIso(), totalPaid: count, paymentDetails: services(count) });
    const before = await holdings(customerId);
    expectOverLimit(await server().as(shop).POST('/payments', { body: payment(LIMITS.lineItemsPerOrder + 1) }));
    expect(await holdings(customerId)).toEqual(before);
    expectOk(await server().as(shop).POST('/payments', { body: payment(LIMITS.lineItemsPerOrder) }));
  });

  it(`keeps merchant and branch names and IDs to ${LIMITS.merchantTextLength} characters; over them nothing is written`, async () => {
    const customerId = await api.customer();
    const text = 'm'.repeat(LIMITS.merchantTextLength);
    const order = (merchant: Record<string, unknown>) =>
      server().as(shop).POST('/orders', { body: { customerId, orderId: uid('ord'), orderDate: nowIso(), totalPaid: 10, merchant } });
    const before = await holdings(customerId);
    for (const merchant of [
      { uniqueId: `${text}m` },
      { name: `${text}m` },
      { branch: { uniqueId: `${text}m` } },
      { branch: { name: `${text}m` } },
    ]) {
      expectOverLimit(await order(merchant));
    }
    expect(await holdings(customerId)).toEqual(before);
    expectOk(await order({ uniqueId: text, name: text, branch: { uniqueId: text, name: text } }));
    const [entry] = (await points().ledger(customerId)).slice(-1);
    expect(entry).toMatchObject({ merchantName: text, branchName: text });
  });

  it(`keeps emails to ${LIMITS.emailLength} and mobiles to ${LIMITS.mobileLength} characters wherever a customer can be created`, async () => {
    const email = `${'e'.repeat(LIMITS.emailLength - 12)}@example.com`;
    const mobile = '1'.repeat(LIMITS.mobileLength);
    for (const contact of [{ email: `e${email}` }, { mobile: `${mobile}1` }]) {
      const customerId = uid('contact');
      const base = { customerId, transactionTime: nowIso(), ...contact };
      expectOverLimit(await server().as(shop).POST('/transactions/cashback', { body: { ...base, transactionId: uid('cb'), amount: 10 } }));
      expectOverLimit(await server().as(shop).POST('/transactions/manual', { body: { ...base, transactionId: uid('m'), username: 'a', reason: 'r', points: 5 } }));
      expectOverLimit(await pub().POST('/events', { body: { customerId, ...contact, events: { visit: {} } } }));
      expectOverLimit(await server().as(shop).POST('/orders', { body: { customerId, ...contact, orderId: uid('o'), orderDate: nowIso(), totalPaid: 5 } }));
      expect((await server().as(shop).GET('/customers/{customerId}', { params: { path: { customerId } } })).error).toMatchObject({ code: 7000 });
    }
    const customerId = uid('contact');
    expectOk(await server().as(shop).POST('/transactions/cashback', { body: { customerId, transactionId: uid('cb'), transactionTime: nowIso(), amount: 10, email, mobile } }));
    expect((await server().as(shop).GET('/customers/{customerId}/details', { params: { path: { customerId } } })).data).toMatchObject({
      customerAttributes: { email, mobile },
    });
  });
});
