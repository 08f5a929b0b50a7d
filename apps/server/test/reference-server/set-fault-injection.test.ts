import { expect, it } from 'vitest';
import { demo, describeOnStorages, secure } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { call, expectError, keys } from '../http/helpers.js';

describeOnStorages('fault injection', (server) => {
  const faults = () => `${server().baseUrl}/_reference/faults`;
  const put = (body: unknown, headers: Record<string, string> = keys) =>
    call(faults(), { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const clear = () => server().client().DELETE('/_reference/faults');

  it('answers the chosen operation with a 503 in the error model for the count given, then runs it again; other operations and accounts are not hit', async () => {
    const gb = server().client();
    const api = pointsApi(gb);
    const customerId = await api.customer();
    const set = await gb.PUT('/_reference/faults', { body: { faults: [{ operationIds: ['getCustomer'], status: 503, count: 2 }] } });
    expect(set.data).toEqual({ faults: [{ operationIds: ['getCustomer'], status: 503, count: 2, remaining: 2 }] });
    const url = `${server().baseUrl}/customers/${customerId}`;
    for (const remaining of [1, 0]) {
      const answer = await call(url, { headers: keys });
      expectError(answer, 503, 5000);
      expect(answer.body.type).toBe('SERVER_ERROR');
      expect(answer.headers.get('retry-after')).toBeNull();
      expect((await gb.GET('/_reference/faults')).data!.faults[0]!.remaining).toBe(remaining);
    }
    expect((await call(url, { headers: keys })).status).toBe(200);
    await clear();
  });

  it('hits only the account that set it', async () => {
    const gb = server().client();
    await gb.PUT('/_reference/faults', { body: { faults: [{ status: 500 }] } });
    const other = server().as(secure);
    expect((await other.GET('/configurations/widget')).response.status).toBe(200);
    expectError(await call(`${server().baseUrl}/configurations/widget`, { headers: keys }), 500, 5000);
    await clear();
    expect((await gb.GET('/configurations/widget')).response.status).toBe(200);
  });

  it('answers 429 with Retry-After, 1 second unless told', async () => {
    await put({ faults: [{ operationIds: ['getWidgetConfiguration'], status: 429, count: 1 }, { operationIds: ['getCustomer'], status: 429, retryAfterSeconds: 7, count: 1 }] });
    const widget = await call(`${server().baseUrl}/configurations/widget`, { headers: keys });
    expectError(widget, 429, 4000);
    expect(widget.body.type).toBe('GENERAL_ERROR');
    expect(widget.headers.get('retry-after')).toBe('1');
    const customer = await call(`${server().baseUrl}/customers/anyone`, { headers: keys });
    expectError(customer, 429, 4000);
    expect(customer.headers.get('retry-after')).toBe('7');
    await clear();
  });

  it('writes nothing when it answers a write: the same transactionId goes through afterwards', async () => {
    const gb = server().client();
    const api = pointsApi(gb);
    const customerId = await api.customer();
    await gb.PUT('/_reference/faults', { body: { faults: [{ operationIds: ['createManualTransaction'], status: 502, count: 1 }] } });
    const refused = await api.manual(customerId, 40, 'fault-once');
    expect(refused.response.status).toBe(502);
    expect(refused.error?.code).toBe(5000);
    expect((await api.balance(customerId)).totalPointsBalance).toBe(0);
    expect(await api.ledger(customerId)).toEqual([]);
    const accepted = await api.manual(customerId, 40, 'fault-once');
    expect(accepted.error).toBeUndefined();
    expect((await api.balance(customerId)).totalPointsBalance).toBe(40);
  });

  it('adds latency, then runs the operation', async () => {
    const gb = server().client();
    await gb.PUT('/_reference/faults', { body: { faults: [{ operationIds: ['getWidgetConfiguration'], latencyMs: 400, count: 1 }] } });
    const started = performance.now();
    const slow = await gb.GET('/configurations/widget');
    expect(slow.response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
  });

  it('hits about the share of requests its ratio says', async () => {
    await put({ faults: [{ operationIds: ['getWidgetConfiguration'], status: 503, ratio: 0.5 }] });
    let hit = 0;
    for (let i = 0; i < 200; i++) if ((await call(`${server().baseUrl}/configurations/widget`, { headers: keys })).status === 503) hit++;
    // Binomial(200, 0.5): outside 60..140 with a probability below 1e-8.
    expect(hit).toBeGreaterThan(60);
    expect(hit).toBeLessThan(140);
    await clear();
  });

  it('never hits the reference tools, so a test can always read and clear its faults', async () => {
    const gb = server().client();
    await gb.PUT('/_reference/faults', { body: { faults: [{ status: 503 }] } });
    expect((await gb.GET('/_reference/clock')).response.status).toBe(200);
    expect((await gb.GET('/_reference/faults')).data!.faults).toHaveLength(1);
    expect((await gb.DELETE('/_reference/faults')).response.status).toBe(204);
    expect((await gb.GET('/configurations/widget')).response.status).toBe(200);
  });

  it('refuses an operation that is not one of the API, a misspelt field and a ratio of 0 with 422/3003, keeping the faults it had', async () => {
    await put({ faults: [{ operationIds: ['getCustomer'], status: 503, count: 5 }] });
    for (const body of [
      { faults: [{ operationIds: ['getCustomers'], status: 503 }] },
      { faults: [{ operationIds: ['getReferenceClock'], status: 503 }] },
      { faults: [{ operationId: 'getCustomer', status: 503 }] },
      { faults: [{ status: 418 }] },
      { faults: [{ status: 503, ratio: 0 }] },
    ]) {
      expectError(await put(body), 422, 3003);
    }
    expectError(await put({}), 400, 3000);
    expect((await server().client().GET('/_reference/faults')).data!.faults).toEqual([{ operationIds: ['getCustomer'], status: 503, count: 5, remaining: 5 }]);
    await clear();
  });

  it('needs the secret key', async () => {
    expectError(await put({ faults: [] }, { apikey: demo.apiKey }), 401, 1001);
  });
});
