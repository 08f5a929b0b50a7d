import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { spec } from '../support/spec-operations.js';

/**
 * The request samples of the docs: each operation's `x-codeSamples` in the bundled spec (written
 * by spec/scripts/add-code-samples.js), read, type-checked and run here as a reader would.
 */

const run = promisify(execFile);

/** Where the samples point: the reference server as `pnpm start` runs it. */
export const SAMPLE_ORIGIN = 'http://127.0.0.1:4010';

/** The answer to a sample: its status and body text. */
export interface Outcome {
  status: number;
  text: string;
  /** The Gameball error code of a refusal. */
  code?: number;
}

export interface Sample {
  operationId: string;
  method: string;
  path: string;
  /** Every alternative of the operation's security names the secret key. */
  needsSecret: boolean;
  statuses: string[];
  curl: string;
  typescript: string;
}

interface Operation {
  operationId: string;
  security?: Array<Record<string, string[]>>;
  responses: Record<string, unknown>;
  'x-codeSamples'?: Array<{ lang: string; label: string; source: string }>;
}

/** Every operation of the bundled spec, with its samples (empty when it has none). */
export function samples(): Sample[] {
  const list: Sample[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const source = (label: string) => operation['x-codeSamples']?.find((sample) => sample.label === label)?.source ?? '';
      const security = operation.security ?? spec.security ?? [];
      list.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        needsSecret: security.length > 0 && security.every((alternative) => 'secretKey' in alternative),
        statuses: Object.keys(operation.responses),
        curl: source('curl'),
        typescript: source('TypeScript'),
      });
    }
  }
  return list;
}

/** A folder under this package (so `@gameball-open/client` resolves), removed by `cleanup()`. */
export function sampleFolder(): { dir: string; cleanup: () => void } {
  const dir = fileURLToPath(new URL(`./.code-samples-${process.pid}/`, import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'run-samples.mjs'), RUNNER);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Imports each sample module given, in order, in one node process, and prints, per sample, the
 * statuses of the answers it got and what it printed with console.error.
 */
const RUNNER = `import { pathToFileURL } from 'node:url';
const fetchOf = globalThis.fetch;
const results = [];
let current;
globalThis.fetch = async (...args) => {
  const response = await fetchOf(...args);
  current.statuses.push(response.status);
  return response;
};
console.log = () => {};
console.error = (...args) => current.errors.push(args.join(' '));
for (const file of process.argv.slice(2)) {
  current = { statuses: [], errors: [] };
  try {
    await import(pathToFileURL(file).href);
  } catch (error) {
    current.errors.push(String(error));
  }
  results.push(current);
}
process.stdout.write(JSON.stringify(results));
`;

/** Type-checks the TypeScript samples against the client's types, as strict as this repository. */
export function typeCheck(dir: string, list: Sample[]): string[] {
  const files = list.map((sample) => {
    const file = join(dir, `${sample.operationId}.ts`);
    writeFileSync(file, sample.typescript);
    return file;
  });
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2023,
    lib: ['lib.es2023.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noUncheckedIndexedAccess: true,
    types: ['node'],
    noEmit: true,
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${diagnostic.file.fileName.split('/').pop()}: ` : '';
    return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

/**
 * Runs the TypeScript samples in the order given (they are plain JavaScript as written) with
 * node, one module after the other, against the test server.
 */
export async function runTypescript(list: Sample[], origin: string, dir: string): Promise<Outcome[]> {
  const files = list.map((sample) => {
    const file = join(dir, `${sample.operationId}.mjs`);
    writeFileSync(file, sample.typescript.replaceAll(SAMPLE_ORIGIN, origin));
    return file;
  });
  const { stdout } = await run(process.execPath, [join(dir, 'run-samples.mjs'), ...files], { timeout: 60_000 });
  const results = JSON.parse(stdout) as Array<{ statuses: number[]; errors: string[] }>;
  return results.map(({ statuses, errors }, index) => {
    const text = errors.join('\n');
    if (statuses.length !== 1) throw new Error(`${list[index]!.operationId}: expected one request, saw ${statuses.length}: ${text}`);
    // A refusal is printed by the sample itself: `console.error(error.code, error.message)`.
    const printed = /^(\d{4}) /.exec(text);
    return { status: statuses[0]!, text, ...(printed ? { code: Number(printed[1]) } : {}) };
  });
}
