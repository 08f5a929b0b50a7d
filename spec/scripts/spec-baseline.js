// The breaking-change gate. `check` compares the bundled spec's public surface (see
// public-surface.js) with the committed baseline and fails on anything a client built on the
// baseline would trip on (an operation, field or enum value removed, a request field made
// required, a new required request field), unless a changeset in .changeset/ bumps
// @gameball-open/client to a major version. Additions pass. `write` refreshes the baseline
// (after a release, or to take in additions): `./scripts/pnpm spec:baseline`.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { breakingChanges, publicSurface } from './public-surface.js';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULTS = {
  spec: join(here, '../dist/gameball-v4.yaml'),
  baseline: join(here, '../baseline/public-surface.json'),
  changesets: join(here, '../../.changeset'),
};
const CLIENT = '@gameball-open/client';

/** The changesets (file names) that bump the client to a major version. */
export function majorClientBumps(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.endsWith('.md') && name !== 'README.md').filter((name) => {
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, name), 'utf8'));
    const bumps = front ? parse(front[1]) ?? {} : {};
    return bumps[CLIENT] === 'major';
  });
}

/** The surface of a bundled spec file (YAML, or JSON, which reads faster). */
export function surfaceOf(specFile) {
  const text = readFileSync(specFile, 'utf8');
  return publicSurface(specFile.endsWith('.json') ? JSON.parse(text) : parse(text));
}

/** { ok, breaking, allowedBy }: the gate's verdict for a spec against a baseline. */
export function check({ spec = DEFAULTS.spec, baseline = DEFAULTS.baseline, changesets = DEFAULTS.changesets } = {}) {
  const breaking = breakingChanges(JSON.parse(readFileSync(baseline, 'utf8')), surfaceOf(spec));
  const allowedBy = breaking.length > 0 ? majorClientBumps(changesets) : [];
  return { ok: breaking.length === 0 || allowedBy.length > 0, breaking, allowedBy };
}

export function write({ spec = DEFAULTS.spec, baseline = DEFAULTS.baseline } = {}) {
  const surface = surfaceOf(spec);
  mkdirSync(dirname(baseline), { recursive: true });
  writeFileSync(baseline, `${stringify(surface)}\n`);
  return Object.keys(surface.operations).length;
}

/** Indented JSON with each field on one line, so a change to the surface reads as a one-line diff. */
function stringify(surface) {
  const fields = (group) => Object.fromEntries(Object.entries(group).map(([name, field]) => [name, `\u0000${JSON.stringify(field)}`]));
  const compact = { operations: Object.fromEntries(Object.entries(surface.operations).map(([id, op]) => [id, { ...op, request: fields(op.request), response: fields(op.response) }])) };
  return JSON.stringify(compact, null, 2).replace(/"\\u0000((?:[^"\\]|\\.)*)"/g, (_, inner) => JSON.parse(`"${inner}"`));
}

function options(args) {
  const out = {};
  for (let i = 0; i < args.length; i += 2) out[args[i].replace(/^--/, '')] = args[i + 1];
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'write') {
    const count = write(options(rest));
    console.log(`public surface of ${count} operations written to ${options(rest).baseline ?? DEFAULTS.baseline}`);
  } else if (command === 'check') {
    const { ok, breaking, allowedBy } = check(options(rest));
    if (breaking.length === 0) console.log('the spec keeps every operation, field and enum value of the baseline: no breaking change');
    else {
      console.log(`${breaking.length} breaking change(s) against spec/baseline/public-surface.json:\n  ${breaking.join('\n  ')}`);
      if (ok) console.log(`allowed by the changeset(s) bumping ${CLIENT} to a major version: ${allowedBy.join(', ')}`);
      else console.error(`\nAdd a changeset that bumps ${CLIENT} to major (pnpm changeset), or keep the surface. After the release, refresh the baseline: ./scripts/pnpm spec:baseline`);
    }
    process.exitCode = ok ? 0 : 1;
  } else {
    console.error('usage: node scripts/spec-baseline.js check|write [--spec file] [--baseline file] [--changesets dir]');
    process.exitCode = 2;
  }
}
