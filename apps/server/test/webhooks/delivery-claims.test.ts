import { afterAll, describe, expect, it } from 'vitest';
import { claimDue } from '../../src/domain/webhooks/delivery-queue.js';
import { openStore, type Store } from '../../src/open-store.js';
import { freshStorage, startServer, storages, type StorageLocation } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { webhookApi } from './webhook-api.js';

const ROWS = 12;

describe.each(storages)('claiming due deliveries on %s', (kind) => {
  let location: StorageLocation | undefined;
  const stores: Store[] = [];
  afterAll(async () => {
    for (const store of stores) await store.close();
    await location?.drop();
  });

  it('never hands one row to two senders, takes no more than asked, and does not wait for rows another sender holds', { timeout: 60_000 }, async () => {
    location = await freshStorage(kind);
    const server = await startServer(location, { sweepEveryMs: null });
    const gb = server.client();
    await webhookApi(gb).subscribe('http://127.0.0.1:2/never-sent');
    for (let n = 0; n < ROWS; n++) await pointsApi(gb).customer();
    await server.close();
    stores.push(await openStore({ databaseUrl: location.databaseUrl, dataDir: location.dataDir }));
    stores.push(await openStore({ databaseUrl: location.databaseUrl, dataDir: location.dataDir }));
    const [one, two] = stores as [Store, Store];
    const now = new Date(Date.now() + 1_000);

    // On PostgreSQL the first sender's claim is still uncommitted (its rows locked) when the
    // second one claims; SQLite runs one write at a time, so there the claims follow each other.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstClaim: number[] = [];
    const first = one.transaction(async (tx) => {
      firstClaim = (await claimDue(tx, ['demo'], now, 5)).map((d) => d.id);
      if (kind === 'postgres') await held;
    });
    if (kind === 'sqlite') await first;
    while (firstClaim.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const second = await Promise.race([
      claimDue(two, ['demo'], now, 100).then((rows) => rows.map((d) => d.id)),
      new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 5_000)),
    ]);
    release();
    await first;
    expect(second).not.toBe('waited');
    expect(firstClaim).toHaveLength(5);
    expect((second as number[]).filter((id) => firstClaim.includes(id))).toEqual([]);
    expect([...firstClaim, ...(second as number[])]).toHaveLength(ROWS);
    // Both claims are taken: nothing is due again until their lease ends.
    expect(await claimDue(two, ['demo'], now, 100)).toEqual([]);
  });
});
