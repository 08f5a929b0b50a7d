/**
 * Does a long ledger slow a customer down? Latency of a balance read and of a redemption, one
 * request at a time, for customers with 10 ledger entries and for one with 10,000 (built
 * through the API, many in flight: 5,000 cashback and 5,000 one-point redemptions).
 */
import { runLoad, type LoadResult, type Target } from './load.js';
import { HEADERS, sendAll, type Call, type Workload } from './workloads.js';

export const SAMPLES = 200;
const SMALL_CUSTOMERS = 20;
export const BIG_ENTRIES = 10_000;

export interface HistoryRow {
  operation: string;
  small: LoadResult;
  big: LoadResult;
}

export interface HistoryResult {
  smallEntries: number;
  bigEntries: number;
  /** Seconds the ledgers took to build through the API. */
  buildSeconds: number;
  rows: HistoryRow[];
}

const now = () => new Date(Date.now() - 1_000).toISOString();
// Each redemption adds an entry; the 10-entry side is 20 customers taken in turn so none grows far.
const small = (n: number) => `hist_small_${n % SMALL_CUSTOMERS}`;
const big = () => 'hist_big';

/**
 * `count` ledger entries for the customers of `customerOf`: half cashback, half one-point
 * redemptions. Two cashbacks of each customer go first, then the two kinds alternate, so a
 * build cut short by its time budget still leaves a mixed ledger and enough points.
 */
function history(customerOf: (i: number) => string, count: number, customers: number, tag: string): Call[] {
  const cashback = (i: number): Call => ({
    method: 'POST',
    path: '/transactions/cashback',
    body: { customerId: customerOf(i), transactionId: `${tag}_cb_${i}`, transactionTime: now(), amount: 100 },
  });
  const redeem = (i: number): Call => ({
    method: 'POST',
    path: '/transactions/redeem',
    body: { customerId: customerOf(i), transactionId: `${tag}_rd_${i}`, transactionTime: now(), points: 1 },
  });
  const half = count / 2;
  const lead = 2 * customers;
  const calls = Array.from({ length: lead }, (_, i) => cashback(i));
  for (let i = 0; i < half; i++) {
    calls.push(redeem(i));
    if (i + lead < half) calls.push(cashback(i + lead));
  }
  return calls;
}

async function entries(target: Target, customerId: string): Promise<number> {
  const response = await fetch(`${target.origin}${target.basePath}/transactions/count?customerId=${customerId}`, { headers: HEADERS });
  const body = (await response.json()) as { count?: number };
  return body.count ?? Number.NaN;
}

/**
 * Builds the ledgers within `budgetSeconds` (each write may cost more as a ledger grows), then
 * measures each case with SAMPLES requests or for `sampleSeconds`, whichever ends first.
 */
export async function measureHistory(target: Target, budgetSeconds: number, sampleSeconds: number, log: (line: string) => void): Promise<HistoryResult> {
  const prefix = (calls: Call[]) => calls.map((call) => ({ ...call, path: target.basePath + call.path }));
  const started = Date.now();
  const customers = [...Array.from({ length: SMALL_CUSTOMERS }, (_, i) => small(i)), big()];
  const creations = customers.map((customerId): Call => ({ method: 'POST', path: '/customers', body: { customerId } }));
  await sendAll(target.origin, prefix(creations), 4, 'history: customers');
  await sendAll(target.origin, prefix(history(small, SMALL_CUSTOMERS * 10, SMALL_CUSTOMERS, 'hs')), 20, 'history: 10-entry ledgers');
  const deadline = started + budgetSeconds * 1000;
  await sendAll(target.origin, prefix(history(big, BIG_ENTRIES, 1, 'hb')), 32, 'history: 10,000-entry ledger', deadline);
  const smallEntries = await entries(target, small(0));
  const bigEntries = await entries(target, big());
  const took = (Date.now() - started) / 1000;
  const cut = bigEntries < BIG_ENTRIES ? ` (stopped by its ${budgetSeconds}s budget: each write got slower as the ledger grew)` : '';
  log(`  ledgers built in ${took.toFixed(1)}s: ${smallEntries} and ${bigEntries} entries${cut}`);

  const balance = (customerOf: (n: number) => string): Workload => ({
    name: 'balance',
    kind: 'read',
    call: (n) => ({ method: 'GET', path: `/customers/${customerOf(n)}/balance` }),
  });
  const redeem = (customerOf: (n: number) => string, tag: string): Workload => ({
    name: 'redeem',
    kind: 'write',
    call: (n) => ({
      method: 'POST',
      path: '/transactions/redeem',
      body: { customerId: customerOf(n), transactionId: `${tag}_${n}`, transactionTime: now(), points: 1 },
    }),
  });
  const sequential = { connections: 1, amount: SAMPLES, maxSeconds: sampleSeconds };
  const rows: HistoryRow[] = [
    {
      operation: 'GET /customers/{id}/balance',
      small: await runLoad(balance(small), [target], sequential),
      big: await runLoad(balance(big), [target], sequential),
    },
    {
      operation: 'POST /transactions/redeem',
      small: await runLoad(redeem(small, 'hm_small'), [target], sequential),
      big: await runLoad(redeem(big, 'hm_big'), [target], sequential),
    },
  ];
  return { smallEntries, bigEntries, buildSeconds: took, rows };
}
