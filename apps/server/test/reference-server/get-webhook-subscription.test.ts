import { afterAll, describe, expect, it } from 'vitest';
import { describeOnStorages, freshStorage, hooked, startServer, type StorageLocation } from '../support/harness.js';
import { withToolsOffServer } from '../support/tools-off-server.js';
import { webhookApi } from '../webhooks/webhook-api.js';

describeOnStorages("the account's webhook subscription", (server) => {
  it("is the accounts file's until one is set, and none when the file has none", async () => {
    expect(await webhookApi(server().as(hooked)).subscription()).toEqual({ url: 'http://127.0.0.1:2/file-configured', version: 'v4' });
    expect(await webhookApi(server().client()).subscription()).toEqual({ url: null, version: 'v4' });
  });

  it("is another account's never: each account reads its own", async () => {
    await webhookApi(server().client()).subscribe('http://127.0.0.1:8080/demo-only');
    expect((await webhookApi(server().as(hooked)).subscription()).url).toBe('http://127.0.0.1:2/file-configured');
    await webhookApi(server().client()).subscribe(null);
  });
});

describe('a stored webhook subscription', () => {
  let location: StorageLocation | undefined;
  afterAll(async () => location?.drop());

  it('outlives a restart and keeps overriding the file, also when it ends the subscription', async () => {
    location = await freshStorage('sqlite');
    let server = await startServer(location);
    await webhookApi(server.as(hooked)).subscribe(null);
    await server.close();
    server = await startServer(location);
    try {
      expect(await webhookApi(server.as(hooked)).subscription()).toEqual({ url: null, version: 'v4' });
    } finally {
      await server.close();
    }
  });

  it('is not served when the reference tools are off (404, 4004)', async () => {
    await withToolsOffServer(async (gb) => {
      const read = await gb.GET('/_reference/webhooks/subscription', {});
      const write = await gb.PUT('/_reference/webhooks/subscription', { body: { url: 'http://127.0.0.1:1/x' } });
      const list = await gb.GET('/_reference/webhooks/deliveries', {});
      expect([read, write, list].map((answer) => [answer.response.status, answer.error?.code])).toEqual([[404, 4004], [404, 4004], [404, 4004]]);
    });
  });
});
