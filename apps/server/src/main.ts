import type { Logger } from 'pino';
import { accountDirectory, loadAccountsFile } from './accounts.js';
import { inspectorOn, loadConfig } from './config.js';
import { createHttpServer, listen } from './http/listen.js';
import { createLogger, exitAfterLogs } from './logger.js';

/** Until the configuration names the level; a bad configuration is logged at this one. */
let logger: Logger = createLogger('info');

/** Why the server cannot start, in one sentence (no stack trace: these are not bugs). */
function startFailure(error: unknown, host: string, port: number): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'EADDRINUSE') return `port ${port} on ${host} is already in use; stop what holds it or set PORT to another port`;
  if (e?.code === 'EACCES') return `no permission to listen on port ${port} on ${host}; set PORT to a port above 1023`;
  if (e?.code === 'EADDRNOTAVAIL') return `HOST ${host} is not an address of this machine`;
  return e instanceof Error ? e.message : String(error);
}

async function start(): Promise<void> {
  const config = loadConfig();
  logger = createLogger(config.logLevel);
  const file = loadAccountsFile(config.accountsFile);
  const accounts = accountDirectory(file.accounts);
  // Loaded once the configuration is known to be good, so a bad one is reported at once.
  const [{ createApp }, { openStore }, { AdjustableClock }, { JOBS }, { jobRunner }, { loadWebhookSubscriptions }] = await Promise.all([
    import('./app.js'),
    import('./open-store.js'),
    import('./clock.js'),
    import('./jobs/index.js'),
    import('./jobs/runner.js'),
    import('./jobs/deliver-webhooks.js'),
  ]);
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await loadWebhookSubscriptions({ store, accounts });
  const clock = new AdjustableClock();
  const jobs = jobRunner(JOBS, { store, accounts, clock, logger });
  const app = createApp({
    store,
    accounts,
    logger,
    clock,
    jobs,
    validateResponses: config.validateResponses,
    referenceTools: file.referenceTools,
    inspector: inspectorOn(config, file.referenceTools),
  });
  const server = createHttpServer(app, logger);
  let port: number;
  try {
    ({ port } = await listen(server, config.port, config.host));
  } catch (error) {
    await store.close();
    throw new Error(startFailure(error, config.host, config.port), { cause: error });
  }
  logger.info(
    {
      url: `http://${config.host}:${port}/api/v4/integrations`,
      docs: `http://${config.host}:${port}/docs`,
      inspector: inspectorOn(config, file.referenceTools) ? `http://${config.host}:${port}/inspector/` : undefined,
      storage: store.dialect,
      dataDir: store.dialect === 'sqlite' ? config.dataDir : undefined,
      accounts: accounts.all().map((account) => account.id),
      referenceTools: file.referenceTools,
    },
    'Gameball reference server listening',
  );
  jobs.start();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing open requests');
    const force = setTimeout(() => {
      logger.error('open requests did not finish in 10 s; stopping anyway');
      exitAfterLogs(1);
    }, 10_000);
    force.unref();
    server.close(async () => {
      await jobs.stop();
      await store.close();
      logger.info('stopped');
      exitAfterLogs(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

process.on('uncaughtException', (error) => {
  logger.fatal({ err: error }, 'uncaught exception; stopping');
  exitAfterLogs(1);
});

start().catch((error: unknown) => {
  const e = error as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  logger.fatal(
    { code: e?.cause?.code ?? e?.code },
    `the server could not start: ${e instanceof Error ? e.message : String(error)}`,
  );
  exitAfterLogs(1);
});
