import { describe, expect, it } from 'vitest';
import { statementCountingServer } from '../support/counting-store.js';
import { shop, uid } from '../support/harness.js';

/** The events engine keeps running figures per campaign, so an event costs the same after 5 events or 300. */
describe('statements per event', () => {
  const counting = statementCountingServer();
  const count = counting.count;

  it('stays the same for a customer with a short and a long history of events', async () => {
    const gb = counting.server().as(shop);
    const send = (customerId: string, events: Record<string, Record<string, string | number>>) =>
      gb.POST('/events', { body: { customerId, events } });
    const figures = async (customerId: string) => ({
      progress: await count(() => send(customerId, { book_read: { pages: 1 }, store_visited: { store: 'x' } })),
      achieve: await count(() => send(customerId, { product_viewed: { category: uid('c') } })),
      preview: await count(() => gb.POST('/events/reward-preview', { body: { customerId, events: { book_read: { pages: 1 } } } })),
      unrelated: await count(() => send(customerId, { nobody_listens: {} })),
    });
    const small = uid('small');
    const large = uid('large');
    for (let n = 0; n < 5; n++) await send(small, { product_viewed: { category: `c${n}` }, store_visited: { store: `s${n}` } });
    for (let n = 0; n < 302; n++) await send(large, { product_viewed: { category: `c${n}` }, store_visited: { store: `s${n}` } });
    // Both are one category short of the next achievement of 151 (3 different categories): 5 = 3 + 2, 302 = 300 + 2.
    const few = await figures(small);
    const many = await figures(large);
    expect(many).toEqual(few);
    expect(few.preview).toBe(2); // the customer, the campaign progress
  });
});
