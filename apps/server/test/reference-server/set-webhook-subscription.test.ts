import { afterAll, beforeAll, expect, it } from 'vitest';
import { demo, describeOnStorages, hooked } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { startReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { sendDue, webhookApi } from '../webhooks/webhook-api.js';

describeOnStorages('setting the webhook subscription', (server) => {
  let first: WebhookReceiver;
  let second: WebhookReceiver;
  beforeAll(async () => {
    [first, second] = await Promise.all([startReceiver(), startReceiver()]);
  });
  afterAll(async () => Promise.all([first.close(), second.close()]));

  it('answers the subscription as stored, and later changes go to the new URL', async () => {
    const gb = server().client();
    const hooks = webhookApi(gb);
    expect(await hooks.subscribe(first.url)).toEqual({ url: first.url, version: 'v4' });
    const one = await pointsApi(gb).customer();
    await sendDue(server());
    expect(first.received.map((r) => r.body.customer_id)).toEqual([one]);
    expect(await hooks.subscribe(second.url)).toEqual({ url: second.url, version: 'v4' });
    const two = await pointsApi(gb).customer();
    await sendDue(server());
    expect(second.received.map((r) => r.body.customer_id)).toEqual([two]);
    expect(first.received).toHaveLength(1);
  });

  it('with url null ends it: later changes write no delivery at all', async () => {
    const gb = server().client();
    const hooks = webhookApi(gb);
    await hooks.subscribe(null);
    const before = (await hooks.deliveries()).length;
    const customerId = await pointsApi(gb).customer();
    expect((await pointsApi(gb).manual(customerId, 10)).response.status).toBe(200);
    expect(await hooks.deliveries()).toHaveLength(before);
    expect(await hooks.subscription()).toEqual({ url: null, version: 'v4' });
  });

  it('refuses what is not an http(s) URL or not version v4, and changes nothing then', async () => {
    const gb = server().as(hooked);
    for (const body of [{ url: 'ftp://127.0.0.1/x' }, { url: 'not a url' }, { url: '' }, { url: 'http://127.0.0.1/x', version: 'v3' }]) {
      const refused = await gb.PUT('/_reference/webhooks/subscription', { body: body as { url: string } });
      expect([refused.response.status, refused.error?.code], JSON.stringify(body)).toEqual([422, 3003]);
    }
    const missing = await gb.PUT('/_reference/webhooks/subscription', { body: {} as { url: string } });
    expect([missing.response.status, missing.error?.code]).toEqual([400, 3000]);
    expect((await webhookApi(gb).subscription()).url).toBe('http://127.0.0.1:2/file-configured');
    const demoKeysOnly = server().client({ apiKey: demo.apiKey });
    const unauthorised = await demoKeysOnly.PUT('/_reference/webhooks/subscription', { body: { url: first.url } });
    expect([unauthorised.response.status, unauthorised.error?.code]).toEqual([401, 1001]); // the secret key is missing
  });
});
