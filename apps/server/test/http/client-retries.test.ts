import { expect, it } from 'vitest';
import { createGameballClient } from '@gameball-open/client';
import { demo, describeOnStorages } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

/**
 * The client's retries (packages/client) against a real server whose faults the reference
 * tools inject: reads are sent again after a 5xx, writes are not, and a 429 is sent again once
 * its Retry-After has passed, whatever the method.
 */
describeOnStorages("the client's retries against injected faults", (server) => {
  const retrying = () => createGameballClient({ baseUrl: server().baseUrl, apiKey: demo.apiKey, secretKey: demo.secretKey, maxRetries: 2 });
  const remaining = async () => (await server().client().GET('/_reference/faults')).data!.faults.map((fault) => fault.remaining);

  it('gets a read through on the third try after two injected 503s', async () => {
    const customerId = await pointsApi(server().client()).customer();
    await server().client().PUT('/_reference/faults', { body: { faults: [{ operationIds: ['getCustomer'], status: 503, count: 2 }] } });
    const { data, error, response } = await retrying().GET('/customers/{customerId}', { params: { path: { customerId } } });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data!.customerId).toBe(customerId);
    expect(await remaining()).toEqual([0]);
    await server().client().DELETE('/_reference/faults');
  });

  it('does not send a write again after an injected 503: one request met it, nothing was written', async () => {
    const api = pointsApi(server().client());
    const customerId = await api.customer();
    await server().client().PUT('/_reference/faults', { body: { faults: [{ operationIds: ['createManualTransaction'], status: 503, count: 2 }] } });
    const { error, response } = await pointsApi(retrying()).manual(customerId, 25);
    expect(response.status).toBe(503);
    expect(error).toMatchObject({ code: 5000 });
    expect(await remaining()).toEqual([1]);
    expect((await api.balance(customerId)).totalPointsBalance).toBe(0);
    await server().client().DELETE('/_reference/faults');
  });

  it('sends a write again once the Retry-After of an injected 429 has passed, and it is written once', async () => {
    const api = pointsApi(server().client());
    const customerId = await api.customer();
    await server().client().PUT('/_reference/faults', { body: { faults: [{ operationIds: ['createManualTransaction'], status: 429, retryAfterSeconds: 1, count: 1 }] } });
    const started = performance.now();
    const { error, response } = await pointsApi(retrying()).manual(customerId, 25);
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(await remaining()).toEqual([0]);
    expect((await api.balance(customerId)).totalPointsBalance).toBe(25);
    expect(await api.ledger(customerId)).toHaveLength(1);
    await server().client().DELETE('/_reference/faults');
  });
});
