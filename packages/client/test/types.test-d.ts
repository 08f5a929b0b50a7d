import { describe, expectTypeOf, it } from 'vitest';
import {
  createGameballClient,
  type GameballApiError,
  type GameballErrorCode,
  GameballNetworkError,
  type components,
  type ItemOf,
} from '../src/index.js';

const gb = createGameballClient({ baseUrl: 'http://127.0.0.1:1/api/v4/integrations', apiKey: 'k', secretKey: 's', maxRetries: 0 });
const strict = createGameballClient({ apiKey: 'k', throwOnError: true });
const now = '2024-10-11T15:54:10.944Z';

describe('client types', () => {
  it('refuse a misspelt key in a request body', () => {
    const typos = async () => {
      // @ts-expect-error: pointz is not a field of a redeem request
      await gb.POST('/transactions/redeem', { body: { customerId: 'c', transactionId: 't', transactionTime: now, pointz: 10 } });
      // @ts-expect-error: customerAtributes is not a field of a customer
      await gb.POST('/customers', { body: { customerId: 'c', customerAtributes: { displayName: 'Jon' } } });
      // @ts-expect-error: reson is not a field of a manual transaction
      await strict.POST('/transactions/manual', { body: { customerId: 'c', transactionId: 't', transactionTime: now, username: 'u', reson: 'r', points: 1 } });
      // @ts-expect-error: nested too: displayNam is not a customer attribute
      await gb.POST('/customers', { body: { customerId: 'c', customerAttributes: { displayNam: 'Jon' } } });
      // @ts-expect-error: PUT bodies as well: isActiv is not isActive
      await gb.PUT('/customers/{customerId}/activate', { params: { path: { customerId: 'c' } }, body: { isActive: true, isActiv: false } });
    };
    expectTypeOf(typos).toBeFunction();
  });

  it('refuse unknown query parameters, init options and paths, and missing required input', () => {
    const wrong = async () => {
      // @ts-expect-error: limits is not a query parameter of listTransactions
      await gb.GET('/transactions', { params: { query: { limits: 10 } } });
      // @ts-expect-error: parseAs is not an option of this client
      await gb.GET('/transactions', { parseAs: 'text' });
      // @ts-expect-error: no such path
      await gb.GET('/transaction');
      // @ts-expect-error: the path parameter is required
      await gb.GET('/customers/{customerId}');
      // @ts-expect-error: a body is required
      await gb.POST('/transactions/cashback');
    };
    expectTypeOf(wrong).toBeFunction();
  });

  it('type the answer from the spec, with network errors in error', async () => {
    const result = await gb.POST('/transactions/cashback', {
      body: { customerId: 'c', transactionId: 't', transactionTime: now, amount: 10 },
      timeout: 5_000,
    });
    if (result.error) {
      expectTypeOf(result.error).toEqualTypeOf<components['schemas']['Error'] | GameballNetworkError>();
      if (result.error instanceof GameballNetworkError) expectTypeOf(result.error.code).toEqualTypeOf<GameballNetworkError['code']>();
      else expectTypeOf(result.error.code).toBeNumber();
    } else {
      expectTypeOf(result.data.gameballTransactionId).toBeString();
      expectTypeOf(result.data).toEqualTypeOf<components['schemas']['CashbackResult']>();
    }
    expectTypeOf(result.response).toEqualTypeOf<Response>();
  });

  it('give gameballTransactionId one type in every answer', () => {
    type Id = components['schemas']['GameballTransactionId'];
    expectTypeOf<components['schemas']['ManualTransactionResult']['gameballTransactionId']>().toEqualTypeOf<Id>();
    expectTypeOf<components['schemas']['RedeemResult']['gameballTransactionId']>().toEqualTypeOf<Id>();
    expectTypeOf<components['schemas']['ActivationResult']['gameballTransactionId']>().toEqualTypeOf<Id>();
    expectTypeOf<components['schemas']['OrderTransaction']['gameballTransactionId']>().toEqualTypeOf<Id>();
    expectTypeOf<components['schemas']['Transaction']['gameballTransactionId']>().toEqualTypeOf<string>();
  });

  it('resolve to data directly in throwing mode', async () => {
    const { data } = await strict.GET('/customers/{customerId}/balance', { params: { path: { customerId: 'c' } } });
    expectTypeOf(data).toEqualTypeOf<components['schemas']['CustomerBalance']>();
    const deleted = await strict.DELETE('/customers/{customerId}', { params: { path: { customerId: 'c' } } });
    expectTypeOf(deleted.data).toEqualTypeOf<undefined>();
  });

  it('type GameballApiError.code as the documented codes', () => {
    expectTypeOf<GameballApiError['code']>().toEqualTypeOf<GameballErrorCode>();
    expectTypeOf<9004>().toExtend<GameballErrorCode>();
    expectTypeOf<1234>().not.toExtend<GameballErrorCode>();
    const check = (error: GameballApiError) => {
      // @ts-expect-error: 1234 is no documented code, so the comparison cannot be true
      if (error.code === 1234) return true;
      return error.code === 9008;
    };
    expectTypeOf(check).toBeFunction();
  });

  it('paginate the list operations only, yielding their items', () => {
    expectTypeOf(gb.paginate('/transactions', { params: { query: { customerId: 'c', limit: 100 } } })).toEqualTypeOf<
      AsyncIterableIterator<components['schemas']['Transaction']>
    >();
    expectTypeOf<ItemOf<'/customers/{customerId}/activities'>>().toEqualTypeOf<components['schemas']['Activity']>();
    expectTypeOf<ItemOf<'/customers/{customerId}/notifications'>>().toEqualTypeOf<components['schemas']['Notification']>();
    expectTypeOf<ItemOf<'/customers/{customerId}/referrals'>>().toEqualTypeOf<components['schemas']['ReferredFriend']>();
    expectTypeOf<ItemOf<'/transactions/customer-view'>>().toEqualTypeOf<components['schemas']['CustomerViewTransaction']>();
    // @ts-expect-error: GET /customers/{customerId} is not a list
    void strict.paginate('/customers/{customerId}', { params: { path: { customerId: 'c' } } });
    // @ts-expect-error: the customer of an activities list is required
    void gb.paginate('/customers/{customerId}/activities');
  });
});
