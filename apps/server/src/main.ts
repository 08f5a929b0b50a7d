import type { Logger } from 'pino';
import { accountDirectory, loadAccountsFile } from './accounts.js';
import { inspectorOn, loadConfig } from './config.js';
import { createHttpServer, listen } from './http/listen.js';
import { createLogger, exitAfterLogs } from './logger.js';
import { missingNodeSupport } from './node-support.js';

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

/** What a parent process (the test kit, `gameball-server exec`) learns once the server listens. */
export interface ListeningMessage {
  type: 'gameball-server:listening';
  origin: string;
  baseUrl: string;
}

async function start(): Promise<void> {
  const unsupported = await missingNodeSupport();
  if (unsupported) {
    process.stderr.write(`${unsupported}\n`);
    process.exit(1);
  }
  const config = loadConfig();
  logger = createLogger(config.logLevel);
  const file = loadAccountsFile(config.accountsFile);
  const referenceTools = config.referenceTools ?? file.referenceTools;
  const inspector = inspectorOn(config, referenceTools);
  const accounts = accountDirectory(file.accounts);
  // Loaded once the configuration is known to be good, so a bad one is reported at once.
  const [{ createApp }, { openStore }, { AdjustableClock }, { JOBS }, { jobRunner }] = await Promise.all([
    import('./app.js'),
    import('./open-store.js'),
    import('./clock.js'),
    import('./jobs/index.js'),
    import('./jobs/runner.js'),
  ]);
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const clock = new AdjustableClock();
  const jobs = jobRunner(JOBS, { store, accounts, clock, logger });
  await jobs.prepare();
  const app = createApp({
    store,
    accounts,
    logger,
    clock,
    jobs,
    validateResponses: config.validateResponses,
    referenceTools,
    rateLimits: config.rateLimits,
    metrics: config.metrics,
    inspector,
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
      inspector: inspector ? `http://${config.host}:${port}/inspector/` : undefined,
      storage: store.dialect,
      dataDir: store.dialect === 'sqlite' ? config.dataDir : undefined,
      accounts: accounts.all().map((account) => account.id),
      referenceTools,
      rateLimits: config.rateLimits,
      metrics: config.metrics === false ? 'off' : config.metrics.token ? 'token' : 'on',
    },
    'Gameball reference server listening',
  );
  jobs.start();
  if (process.send) {
    const loopback = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    const origin = `http://${loopback.includes(':') ? `[${loopback}]` : loopback}:${port}`;
    const message: ListeningMessage = { type: 'gameball-server:listening', origin, baseUrl: `${origin}/api/v4/integrations` };
    process.send(message);
  }

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
  // Started by another process with a channel: stop when that process goes, leaving no orphan.
  if (process.send) process.on('disconnect', () => stop('disconnect'));
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
