/** The report of `pnpm bench`'s sections 5 to 7 (leaderboard, batches, webhooks), on stdout. */
import { BATCH_ITEMS, BATCH_RUNS, POLL_MS, type BatchLoad } from './batch-load.js';
import { BOARD_CLIENTS, type LeaderboardLoad } from './leaderboard-load.js';
import { BOARD_CUSTOMERS, ENTRIES_PER_CUSTOMER } from './leaderboard-seed.js';
import { batchTable, leaderboardTable, webhookTable } from './report.js';
import { WEBHOOK_CUSTOMERS, type WebhookLoad } from './webhook-load.js';

export function printLeaderboards(board: { runs: LeaderboardLoad[]; note: string }, boardSeconds: number): void {
  const entries = (BOARD_CUSTOMERS * ENTRIES_PER_CUSTOMER).toLocaleString('en-US');
  console.log(`\n### 5. /health while ${BOARD_CLIENTS} clients read the leaderboard of a ${entries}-entry account (${BOARD_CUSTOMERS.toLocaleString('en-US')} customers)\n`);
  console.log(leaderboardTable(board.runs));
  const starts = board.runs.map((run) => `${run.storage} ${run.startSeconds.toFixed(1)} s`).join(', ');
  console.log(`\n/health one request at a time (10 ms apart), alone for 2 s, then during ${boardSeconds} s of leaderboard reads (apikey only): all time with a customer's rank, the last 30 days with a customer's rank, a week with minute edges and limit 10, in turn. The ledger is written by SQL into a database of the previous schema; the server migrates it as it starts (${starts}, until its first answer). ${board.note} Load average: the machine's 1-minute figure before and after (other work shares it).`);
}

export function printBatches(batches: { loads: BatchLoad[]; note: string }): void {
  console.log(`\n### 6. A batch of ${BATCH_ITEMS.toLocaleString('en-US')} orders, from submit to completed\n`);
  console.log(batchTable(batches.loads));
  const bytes = Math.max(...batches.loads.map((load) => load.bodyBytes));
  console.log(`\n${BATCH_RUNS} runs per storage, each a new batch on the same fresh server: 100 customers' 10 orders of two lines (${(bytes / 1024).toFixed(0)} KB of JSON), sent with both keys; the client reads the status every ${POLL_MS} ms until it says completed. Each item is its own transaction through trackOrder. ${batches.note}`);
  for (const load of batches.loads) if (load.broken) console.log(`\nBROKEN (${load.storage}): ${load.broken}`);
}

export function printWebhooks(hooks: { loads: WebhookLoad[]; note: string }): void {
  console.log(`\n### 7. Webhook deliveries to a local receiver\n`);
  console.log(webhookTable(hooks.loads));
  console.log(`\n${WEBHOOK_CUSTOMERS.toLocaleString('en-US')} customers created through the API (20 requests in flight), each a signed customer.profile.updated written to the outbox in its transaction; the receiver answers 200 at once. Deliveries/s counts from the first delivery to the last. ${hooks.note}`);
  for (const load of hooks.loads) if (load.broken) console.log(`\nBROKEN (${load.storage}): ${load.broken}`);
}
