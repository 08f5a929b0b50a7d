import { describe, expectTypeOf, it } from 'vitest';
import type {
  Handler,
  Handlers,
  OperationId,
  WebhookOperationId,
  PathParams,
  QueryParams,
  RequestBody,
  ResponseBody,
} from '../src/index.js';

type Ctx = { accountId: string };

describe('server contract types', () => {
  it('require a handler for every operation of the spec', () => {
    // @ts-expect-error: every operation but createCustomer lacks a handler
    const partial: Handlers<Ctx> = {
      createCustomer: async () => ({ gameballId: 1 }),
    };
    expectTypeOf(partial).toBeObject();
    expectTypeOf<'createManualTransaction'>().toExtend<OperationId>();
    expectTypeOf<'deleteCustomerByPost'>().toExtend<OperationId>();
  });

  it('leave out the webhooks, which the server sends and no handler answers', () => {
    expectTypeOf<'pushCustomerNotification'>().not.toExtend<OperationId>();
    expectTypeOf<'sendCustomerProfileUpdate'>().not.toExtend<OperationId>();
    expectTypeOf<'pushCustomerNotification'>().toExtend<WebhookOperationId>();
    expectTypeOf<'createCustomer'>().not.toExtend<WebhookOperationId>();
  });

  it('refuse a handler that returns the wrong shape', () => {
    // @ts-expect-error: gameballId must be a number
    const wrongType: Handler<'createCustomer', Ctx> = async () => ({ gameballId: 'one' });
    // @ts-expect-error: count and hasMore are required
    const missingFields: Handler<'listTransactions', Ctx> = async () => ({ transactions: [] });
    expectTypeOf(wrongType).toBeFunction();
    expectTypeOf(missingFields).toBeFunction();
  });

  it('type the inputs and outputs of each operation from the spec', () => {
    expectTypeOf<PathParams<'getCustomer'>>().toEqualTypeOf<{ customerId: string }>();
    expectTypeOf<QueryParams<'listTransactions'>['limit']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<QueryParams<'listTransactions'>['direction']>().toEqualTypeOf<'+' | '-' | undefined>();
    expectTypeOf<RequestBody<'createManualTransaction'>['points']>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<RequestBody<'createManualTransaction'>['username']>().toEqualTypeOf<string>();
    expectTypeOf<RequestBody<'getCustomer'>>().toEqualTypeOf<undefined>();
    expectTypeOf<ResponseBody<'getCustomerHash'>>().toEqualTypeOf<{ hash: string }>();
    expectTypeOf<ResponseBody<'deleteCustomer'>>().toEqualTypeOf<void>();
  });

  it('hand the context through to handlers', () => {
    const handler: Handler<'getCustomerHash', Ctx> = async ({ params, context }) => {
      expectTypeOf(context.accountId).toBeString();
      return { hash: params.customerId.slice(0, 6) };
    };
    expectTypeOf(handler).returns.resolves.toEqualTypeOf<{ hash: string }>();
  });
});
