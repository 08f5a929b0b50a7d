import { afterAll, beforeAll } from 'vitest';
import { freshStorage, startServer, type StorageKind, type StorageLocation, type TestServer } from './harness.js';

/**
 * A server on fresh storage for the calling describe block, without background jobs: batch
 * items and webhook deliveries wait until the test runs the jobs (`server().jobs.runOnce()`) or
 * moves the clock, so a test can look at every state in between.
 */
export function quietServerForTests(kind: StorageKind): () => TestServer {
  let location: StorageLocation | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    location = await freshStorage(kind);
    server = await startServer(location, { sweepEveryMs: null });
  });
  afterAll(async () => {
    await server?.close();
    await location?.drop();
  });
  return () => server!;
}
