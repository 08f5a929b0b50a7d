/**
 * A throw-away PostgreSQL database for the benchmark: created through the admin URL in
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL), or in a throw-away cluster that
 * scripts/postgres.sh starts where PostgreSQL is installed. Both are removed on cleanup.
 */
import { execFile, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { onCleanup } from './cleanup.js';
import { procStat } from './processes.js';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../../../../scripts/postgres.sh', import.meta.url));

export type BenchDatabase = { url: string; where: string; postmasterPid?: number | undefined } | { skipped: string };

async function throwAwayCluster(): Promise<{ adminUrl: string; dir: string }> {
  const { stdout } = await run('bash', ['-c', `source "${script}" && pg_test_start && echo "$TEST_DATABASE_URL $PG_TEST_DIR"`], {
    env: { ...process.env, PG_TEST_NO_INSTALL: '1' },
    timeout: 120_000,
  });
  const [adminUrl = '', dir = ''] = stdout.trim().split(/\s+/);
  if (!adminUrl || !dir) throw new Error(`scripts/postgres.sh printed no URL: ${stdout}`);
  return { adminUrl, dir };
}

function stopCluster(dir: string) {
  execFileSync('bash', ['-c', `source "${script}" && pg_test_stop`], {
    env: { ...process.env, PG_TEST_DIR: dir, PG_TEST_NO_INSTALL: '1' },
    stdio: 'ignore',
    timeout: 60_000,
  });
}

/** The throw-away cluster, started once per run however many databases the run asks for. */
let cluster: Promise<{ adminUrl: string; dir: string }> | undefined;

/** A fresh database (each call its own) on the configured server or the run's throw-away cluster. */
export async function benchDatabase(): Promise<BenchDatabase> {
  let adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || '';
  let where = adminUrl ? 'the server in BENCH_DATABASE_URL/TEST_DATABASE_URL' : '';
  if (!adminUrl) {
    try {
      if (!cluster) {
        cluster = throwAwayCluster();
        const { dir } = await cluster;
        onCleanup(`stop the PostgreSQL cluster in ${dir}`, () => stopCluster(dir), () => stopCluster(dir));
      }
      adminUrl = (await cluster).adminUrl;
      where = 'a throw-away cluster (scripts/postgres.sh: fsync off, synchronous_commit off)';
    } catch (error) {
      return { skipped: `PostgreSQL skipped: no BENCH_DATABASE_URL/TEST_DATABASE_URL and no cluster could be started (${(error as Error).message.split('\n')[0]})` };
    }
  }
  const name = `gb_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  onCleanup(`drop database ${name}`, async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const { version, postmasterPid } = await serverFacts(url.toString());
  return { url: url.toString(), where: `PostgreSQL ${version} on ${where}`, postmasterPid };
}

/**
 * The server's version and, when it runs on this machine, its postmaster (the parent of this
 * connection's backend), whose children the benchmark counts the CPU time of.
 */
async function serverFacts(url: string): Promise<{ version: string; postmasterPid?: number | undefined }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string; pid: number }>(
      "SELECT current_setting('server_version') AS server_version, pg_backend_pid() AS pid",
    );
    const version = rows[0]?.server_version.split(' ')[0] ?? '?';
    // Another machine (or its own pid namespace) has no such process here: no CPU figures then.
    const backend = rows[0] ? procStat(rows[0].pid) : undefined;
    return { version, postmasterPid: backend?.name === 'postgres' ? Number(backend.fields[1]) : undefined };
  } finally {
    await client.end();
  }
}
