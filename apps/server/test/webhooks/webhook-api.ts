import { expect } from 'vitest';
import type { GameballClient } from '@gameball-open/client';
import type { TestServer } from '../support/harness.js';

/** Helpers over the reference tools' webhook operations, for the webhook tests. */
export function webhookApi(gb: GameballClient) {
  return {
    async subscribe(url: string | null) {
      const { data, error } = await gb.PUT('/_reference/webhooks/subscription', { body: { url, version: 'v4' } });
      expect(error).toBeUndefined();
      return data!;
    },
    async subscription() {
      const { data, error } = await gb.GET('/_reference/webhooks/subscription', {});
      expect(error).toBeUndefined();
      return data!;
    },
    /** The account's deliveries, newest first. */
    async deliveries(limit = 200) {
      const { data, error } = await gb.GET('/_reference/webhooks/deliveries', { params: { query: { limit } } });
      expect(error).toBeUndefined();
      return data!.deliveries;
    },
    /** The customer's deliveries, oldest first. */
    async deliveriesOf(customerId: string) {
      return (await this.deliveries()).filter((d) => d.customerId === customerId).reverse();
    },
    async advanceMinutes(minutes: number) {
      const { error } = await gb.POST('/_reference/clock', { body: { advanceSeconds: minutes * 60 } });
      expect(error).toBeUndefined();
    },
  };
}

/** Runs every background job once, after any run in progress: what was due is then sent and its answer recorded. */
export async function sendDue(server: TestServer): Promise<void> {
  await server.jobs.runOnce();
}
