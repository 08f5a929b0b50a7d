import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const script = fileURLToPath(new URL('../../../../scripts/postgres.sh', import.meta.url));

function bash(command: string, env: NodeJS.ProcessEnv = {}): string {
  return execFileSync('bash', ['-c', `source "${script}" && ${command}`], {
    encoding: 'utf8',
    env: { ...process.env, PG_TEST_NO_INSTALL: '1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/**
 * The storage tests run on PostgreSQL too. With TEST_DATABASE_URL set (as .ci/run does) they
 * use that server; otherwise, where PostgreSQL is installed, a throw-away cluster is started
 * for this run and removed after it. Without either they run on SQLite only.
 */
export default function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL ?? '';
  let teardown: (() => void) | undefined;
  if (!url && process.env.SKIP_POSTGRES !== '1') {
    try {
      const [started = '', dir = ''] = bash('pg_test_start && echo "$TEST_DATABASE_URL $PG_TEST_DIR"').trim().split(' ');
      url = started;
      teardown = () => bash('pg_test_stop', { PG_TEST_DIR: dir });
    } catch {
      console.warn('PostgreSQL is not installed here: the storage tests run on SQLite only.');
    }
  }
  project.provide('testDatabaseUrl', url);
  return teardown;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseUrl: string;
  }
}
