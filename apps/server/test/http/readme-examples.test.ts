import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { serverForTests } from '../support/harness.js';

const run = promisify(execFile);
const README_BASE_URL = 'http://127.0.0.1:4010/api/v4/integrations';

/** The first ```ts block of a README after the given heading text. */
function example(readme: string, after: string): string {
  const text = readFileSync(fileURLToPath(new URL(readme, import.meta.url)), 'utf8');
  const from = text.indexOf(after);
  const block = /```ts\n([\s\S]*?)```/.exec(text.slice(from));
  if (from < 0 || !block) throw new Error(`no ts example after '${after}' in ${readme}`);
  return block[1]!;
}

/** Runs a README example as it is written (it is plain JavaScript), against the test server. */
async function runExample(code: string, baseUrl: string): Promise<string> {
  expect(code).toContain(README_BASE_URL);
  const file = fileURLToPath(new URL(`./.readme-example-${process.pid}-${Date.now()}.mjs`, import.meta.url));
  writeFileSync(file, code.replaceAll(README_BASE_URL, baseUrl));
  try {
    const { stdout, stderr } = await run(process.execPath, [file], { timeout: 20_000 });
    return stdout + stderr;
  } finally {
    rmSync(file, { force: true });
  }
}

describe('the README examples', () => {
  const server = serverForTests('sqlite');

  it('run as written: the client README records a welcome bonus, the root README lists it', async () => {
    const recorded = await runExample(example('../../../../packages/client/README.md', '# @gameball-open/client'), server().baseUrl);
    expect(recorded).toMatch(/^ledger entry \d+$/m);
    const listed = await runExample(example('../../../../README.md', 'With the typed client'), server().baseUrl);
    expect(listed).toContain("transactionId: 'welcome-cust_1'");
  });
});
