// The breaking-change gate (spec-baseline.js) against planted changes to temp copies of the
// bundled spec: each breaking change fails the check unless a changeset bumps the client to a
// major version, additions pass, and the committed baseline matches the spec as it is.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { check, DEFAULTS, write } from './spec-baseline.js';

const bundled = parse(readFileSync(DEFAULTS.spec, 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'spec-baseline-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const baseline = join(dir, 'baseline.json');
write({ spec: DEFAULTS.spec, baseline });
let n = 0;

/** A temp copy of the bundled spec changed by `plant`, and a changeset folder with the given bumps. */
function planted(plant, bumps = []) {
  const spec = structuredClone(bundled);
  plant(spec);
  const file = join(dir, `spec-${++n}.json`);
  writeFileSync(file, JSON.stringify(spec));
  const changesets = join(dir, `changesets-${n}`);
  mkdirSync(changesets);
  writeFileSync(join(changesets, 'README.md'), "---\n'@gameball-open/client': major\n---\nNot a changeset.\n");
  bumps.forEach((bump, i) => writeFileSync(join(changesets, `change-${i}.md`), `---\n${bump}\n---\n\nWhat changed.\n`));
  return { spec: file, baseline, changesets };
}

const schemas = (spec) => spec.components.schemas;
const cashback = (spec) => schemas(spec).CashbackRequest;

const BREAKING = {
  'removing an operation': [(s) => delete s.paths['/transactions/cashback'].post, /rewardCashback: the operation was removed/],
  'moving an operation': [(s) => { s.paths['/transactions/cashback-v2'] = s.paths['/transactions/cashback']; delete s.paths['/transactions/cashback']; }, /rewardCashback: moved from POST \/transactions\/cashback/],
  'removing a request field': [(s) => delete cashback(s).properties.merchant, /rewardCashback: the request field body.merchant was removed/],
  'removing a query parameter': [(s) => { s.paths['/transactions'].get.parameters = s.paths['/transactions'].get.parameters.filter((p) => !/DirectionQuery/.test(p.$ref)); }, /listTransactions: the request field query:direction was removed/],
  'removing an answer field': [(s) => delete schemas(s).CustomerCreated.properties.gameballId, /createCustomer: the answer field 200.gameballId was removed/],
  'removing an enum value': [(s) => schemas(s).Direction.enum.pop(), /listTransactions: query:direction no longer accepts -/],
  'making a request field required': [(s) => cashback(s).required.push('merchant'), /rewardCashback: the request field body.merchant became required/],
  'a new required request field': [(s) => { cashback(s).properties.storeId = { type: 'string' }; cashback(s).required.push('storeId'); }, /rewardCashback: a new required request field body.storeId/],
  'narrowing a request field type': [(s) => { cashback(s).properties.amount = { type: 'string' }; }, /rewardCashback: body.amount no longer accepts the type number/],
};

const ADDITIONS = {
  'a new operation': (s) => { s.paths['/transactions/cashback-preview'] = { post: { ...s.paths['/transactions/cashback'].post, operationId: 'previewCashback' } }; },
  'a new optional request field': (s) => { cashback(s).properties.storeId = { type: 'string' }; },
  'a new answer field': (s) => { schemas(s).CustomerCreated.properties.createdAt = { type: 'string' }; },
  'a new enum value': (s) => schemas(s).Direction.enum.push('='),
  'a request field no longer required': (s) => { cashback(s).required = cashback(s).required.filter((f) => f !== 'amount'); },
  'a new optional object with a required field': (s) => { cashback(s).properties.store = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } }; },
};

describe('the breaking-change gate', () => {
  for (const [name, [plant, expected]] of Object.entries(BREAKING)) {
    it(`fails on ${name} without a major changeset of the client`, () => {
      const verdict = check(planted(plant, ["'@gameball-open/client': minor", "'@gameball-open/server-types': major"]));
      assert.equal(verdict.ok, false);
      assert.match(verdict.breaking.join('\n'), expected);
    });
  }

  it('lets a breaking change through when a changeset bumps @gameball-open/client to major', () => {
    const verdict = check(planted(BREAKING['removing an operation'][0], ['"@gameball-open/client": major\n"@gameball-open/server-types": major']));
    assert.equal(verdict.ok, true);
    assert.deepEqual(verdict.allowedBy, ['change-0.md']);
  });

  for (const [name, plant] of Object.entries(ADDITIONS)) {
    it(`passes ${name}`, () => {
      const verdict = check(planted(plant));
      assert.deepEqual(verdict.breaking, []);
      assert.equal(verdict.ok, true);
    });
  }

  it('exits 1 from the command line on a breaking change, 0 on an addition', () => {
    const script = fileURLToPath(new URL('./spec-baseline.js', import.meta.url));
    const run = (files) => spawnSync(process.execPath, [script, 'check', '--spec', files.spec, '--baseline', files.baseline, '--changesets', files.changesets], { encoding: 'utf8' });
    const broken = run(planted(BREAKING['removing an answer field'][0]));
    assert.equal(broken.status, 1, broken.stdout + broken.stderr);
    assert.match(broken.stdout, /createCustomer: the answer field 200.gameballId was removed/);
    assert.equal(run(planted(ADDITIONS['a new answer field'])).status, 0);
  });

  it('passes the spec as it is against the committed baseline (spec/baseline/public-surface.json)', () => {
    const committed = JSON.parse(readFileSync(DEFAULTS.baseline, 'utf8'));
    assert.ok(Object.keys(committed.operations).length >= 80);
    const verdict = check();
    assert.ok(verdict.ok, `breaking changes without a major changeset of the client:\n${verdict.breaking.join('\n')}`);
  });
});
