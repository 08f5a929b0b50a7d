/**
 * The request streams of `pnpm bench`. Request n of a workload is the same on every server
 * (ids derive from n), and the 1,000 customers the transactions use are seeded through the
 * API first, with a balance large enough for every redemption of the run.
 */

export const HEADERS = { apikey: 'demo_apikey', secretkey: 'demo_secretkey', 'content-type': 'application/json' };
/** The `shop` account of the default accounts file: tiers, campaigns and a referral program. */
export const SHOP_HEADERS = { apikey: 'shop_apikey', secretkey: 'shop_secretkey', 'content-type': 'application/json' };
export const CUSTOMERS = 1_000;
const SEED_POINTS = 1_000_000;

export interface Call {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

export interface Workload {
  name: string;
  kind: 'write' | 'read';
  /** The account's keys, when not the demo account's. */
  headers?: Record<string, string>;
  /** Request n of the stream. */
  call(n: number): Call;
}

/** One of the seeded customers, spread so consecutive requests touch different customers. */
export const customer = (n: number) => `bench_customer_${(n * 7) % CUSTOMERS}`;
/** A transaction time of a second ago (a time in the future is refused). */
const now = () => new Date(Date.now() - 1_000).toISOString();

export const workloads: Workload[] = [
  {
    name: 'POST /customers',
    kind: 'write',
    call: (n) => ({
      method: 'POST',
      path: '/customers',
      body: { customerId: `bench_new_${n}`, email: `new${n}@example.com`, customerAttributes: { displayName: `Customer ${n}` } },
    }),
  },
  {
    name: 'POST /transactions/cashback',
    kind: 'write',
    call: (n) => ({
      method: 'POST',
      path: '/transactions/cashback',
      body: { customerId: customer(n), transactionId: `bench_cb_${n}`, transactionTime: now(), amount: 10 + (n % 190) + 0.25 },
    }),
  },
  {
    name: 'POST /transactions/redeem',
    kind: 'write',
    call: (n) => ({
      method: 'POST',
      path: '/transactions/redeem',
      body: { customerId: customer(n), transactionId: `bench_rd_${n}`, transactionTime: now(), points: 1 + (n % 5) },
    }),
  },
  {
    name: 'POST /orders',
    kind: 'write',
    headers: SHOP_HEADERS,
    call: (n) => ({ method: 'POST', path: '/orders', body: order(n) }),
  },
  {
    name: 'POST /events',
    kind: 'write',
    headers: SHOP_HEADERS,
    call: (n) => ({
      method: 'POST',
      path: '/events',
      body: { customerId: customer(n), events: { review_submitted: { rating: 3 + (n % 3), product_id: `p${n % 50}` }, product_viewed: {} } },
    }),
  },
  { name: 'GET /customers/{id}/balance', kind: 'read', call: (n) => ({ method: 'GET', path: `/customers/${customer(n)}/balance` }) },
  { name: 'GET /transactions?customerId=', kind: 'read', call: (n) => ({ method: 'GET', path: `/transactions?customerId=${customer(n)}` }) },
];

/**
 * An order of the `shop` account: two lines (one in the 2x summer collection), a discount spread
 * over them, tax and shipping; customers cross tiers and the big-spender campaign as the run goes.
 */
function order(n: number): unknown {
  const price = 20 + (n % 40);
  return {
    customerId: customer(n),
    orderId: `bench_order_${n}`,
    orderDate: now(),
    totalPrice: price * 2 + 15 + 2.5,
    totalDiscount: 5,
    totalShipping: 4,
    totalTax: 2.5,
    totalPaid: price * 2 + 15 + 2.5 + 4 - 5,
    lineItems: [
      { productId: `p${n % 50}`, sku: `sku-${n % 50}`, title: 'Shirt', quantity: 2, price, taxes: 2.5, collection: ['summer'] },
      { productId: 'p-cap', sku: 'sku-cap', title: 'Cap', quantity: 1, price: 15, category: ['hats'] },
    ],
  };
}

/**
 * Sends the calls with `concurrency` in flight, none started after `deadline` (a Date.now()
 * time); answers how many were sent. Throws, with a sample answer, if any was not 2xx.
 */
export async function sendAll(origin: string, calls: Call[], concurrency: number, what: string, deadline = Infinity): Promise<number> {
  let next = 0;
  let failed = 0;
  let sample = '';
  const worker = async () => {
    while (next < calls.length && Date.now() < deadline) {
      const call = calls[next++]!;
      const response = await fetch(origin + call.path, {
        method: call.method,
        headers: HEADERS,
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
        signal: AbortSignal.timeout(60_000),
      });
      const text = await response.text();
      if (response.status >= 300) {
        failed++;
        sample ||= `${call.method} ${call.path} -> ${response.status} ${text.slice(0, 300)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (failed > 0) throw new Error(`${what}: ${failed} of ${next} requests failed, e.g. ${sample}`);
  return next;
}

/**
 * Creates the 1,000 customers and gives each a large balance, through the API; with several
 * servers (sharing one database) each seeds its share.
 */
export async function seed(servers: Array<{ origin: string; basePath: string }>, label: string): Promise<void> {
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => i);
  const share = (k: number) => customers.filter((i) => i % servers.length === k);
  const each = (calls: (i: number, basePath: string) => Call, what: string) =>
    Promise.all(servers.map((server, k) => sendAll(server.origin, share(k).map((i) => calls(i, server.basePath)), 16, `${label}: ${what}`)));
  await each((i, basePath) => ({ method: 'POST', path: `${basePath}/customers`, body: { customerId: `bench_customer_${i}` } }), 'seeding customers');
  await each(
    (i, basePath) => ({
      method: 'POST',
      path: `${basePath}/transactions/manual`,
      body: { customerId: `bench_customer_${i}`, transactionId: `bench_seed_${i}`, transactionTime: now(), username: 'bench', reason: 'Benchmark balance', points: SEED_POINTS },
    }),
    'seeding balances',
  );
}
