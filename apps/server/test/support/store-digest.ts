import { createHash } from 'node:crypto';
import { sql } from '../../src/store/sql.js';
import type { Store } from '../../src/open-store.js';

const TABLES = ['customers', 'ledger_entries', 'wallets', 'lots', 'lot_allocations', 'holds', 'otps', 'used_transaction_ids', 'coupons', 'coupon_locks', 'coupon_settings'];

/** A fingerprint of every row the server keeps, to prove that a request wrote nothing. */
export async function storeDigest(store: Store): Promise<{ hash: string; rows: number }> {
  const hash = createHash('sha256');
  let rows = 0;
  for (const table of TABLES) {
    const all = await store.all<Record<string, unknown>>(sql(`SELECT * FROM ${table} ORDER BY 1, 2, 3`));
    rows += all.length;
    hash.update(`${table}:${JSON.stringify(all.map((row) => Object.entries(row).sort()))}`);
  }
  return { hash: hash.digest('hex'), rows };
}
