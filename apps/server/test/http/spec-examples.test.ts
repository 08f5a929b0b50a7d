import { expect, it } from 'vitest';
import { specPath } from '@gameball-open/spec';
import { readSpec } from '../../src/http/spec-routes.js';
import { demo, describeOnStorages } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

type Operation = {
  operationId: string;
  requestBody?: { content: { 'application/json': { examples: Record<string, { value: unknown }> } } };
  parameters?: Array<{ $ref?: string; in?: string; name?: string; example?: unknown }>;
  responses: Record<string, unknown>;
};

const spec = readSpec(specPath) as unknown as {
  paths: Record<string, Record<string, Operation | unknown[]>>;
  components: { parameters: Record<string, { in: string; name: string; example?: unknown }> };
};

/** Each operation of the spec with the concrete URL its examples make and its example bodies. */
function examples() {
  const list: Array<{ method: string; url: string; operationId: string; body?: unknown; name: string; statuses: string[] }> = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    const shared = (item.parameters ?? []) as Operation['parameters'];
    for (const [method, value] of Object.entries(item)) {
      if (method === 'parameters') continue;
      const operation = value as Operation;
      const parameters = [...(shared ?? []), ...(operation.parameters ?? [])].map((p) =>
        p.$ref ? spec.components.parameters[p.$ref.split('/').at(-1)!]! : p,
      );
      let url = path;
      for (const p of parameters.filter((p) => p.in === 'path')) url = url.replace(`{${p.name}}`, encodeURIComponent(String(p.example)));
      const statuses = Object.keys(operation.responses);
      const bodies = operation.requestBody?.content['application/json'].examples;
      if (bodies) {
        for (const [name, { value }] of Object.entries(bodies)) list.push({ method, url, operationId: operation.operationId, body: value, name, statuses });
      } else {
        list.push({ method, url, operationId: operation.operationId, name: 'no body', statuses });
      }
    }
  }
  // Deleting the example customer comes last, so the other examples still find it; emptying the account after that.
  const deletes = (e: { operationId: string }) => e.operationId.startsWith('deleteCustomer');
  const resets = (e: { operationId: string }) => e.operationId === 'resetAccount';
  return [...list.filter((e) => !deletes(e) && !resets(e)), ...list.filter(deletes), ...list.filter(resets)];
}

const EXPECTED_REFUSALS = [
  // The demo account has no reward campaigns; the examples name the shop fixture's.
  'awardSocialChallenge: 4004',
  // Coupon codes and lock references are made by the server; the examples' ones are made up (one per burn example).
  'burnCoupons: 4004',
  'burnCoupons: 4004',
  'deleteCustomerByPost: 7000',
  // A batch's id is made by the server; the examples' 123456 is made up.
  'getBatchStatus: 4004',
  'getCustomerStamps: 4004',
  'getCustomerStreak: 4004',
  'getHold: 9006',
  'getLatestOtp: 4004',
  'getReferralConfiguration: 4004', // the demo account runs no referral program
  'releaseCoupons: 4004',
  'releaseHold: 9006',
  'resendWebhookDelivery: 3003', // the demo account has no webhook URL here, so nothing can be sent again
  'sendOtp: 8000',
  'stopBatch: 4004',
  'trackOrder: 9006', // the example's hold reference is made up for the docs
  'validateReferrerCode: 3000', // the examples fill path parameters only; referrerCode is a required query parameter
];

describeOnStorages('every example of the spec, sent to the server', (server) => {

  it('gets a documented status and a body the spec allows for each example', async () => {
    // The customers the examples name, with points to spend.
    const gb = server().client();
    for (const customerId of ['cust_abc12345xyz67890', 'cust_12345abc']) {
      await gb.POST('/customers', { body: { customerId } });
      await pointsApi(gb).manual(customerId, 5000);
    }
    const all = examples();
    expect(all.length).toBeGreaterThanOrEqual(25);
    const succeeded: string[] = [];
    const refused: string[] = [];
    for (const example of all) {
      const response = await fetch(`${server().baseUrl}${example.url}`, {
        method: example.method.toUpperCase(),
        headers: { apikey: demo.apiKey, secretkey: demo.secretKey, 'content-type': 'application/json' },
        ...(example.body === undefined ? {} : { body: JSON.stringify(example.body) }),
      });
      const text = await response.text();
      const where = `${example.operationId} (${example.name}) answered ${response.status}: ${text.slice(0, 300)}`;
      // The server checks its replies against the spec; a reply that broke it would be a 500.
      expect(example.statuses, where).toContain(String(response.status));
      if (response.status >= 400) {
        expect(Object.keys(JSON.parse(text)).sort(), where).toEqual(['code', 'documentationUrl', 'message', 'requestId', 'type']);
        refused.push(`${example.operationId}: ${JSON.parse(text).code}`);
      } else {
        succeeded.push(example.operationId);
      }
    }
    // The examples work as they stand, but for those naming things that cannot exist here: a hold
    // reference made up for the docs, an OTP for an account without OTP, a deleted customer.
    expect(refused.sort()).toEqual(EXPECTED_REFUSALS);
    expect(succeeded.length).toBe(all.length - EXPECTED_REFUSALS.length);
  });
});
