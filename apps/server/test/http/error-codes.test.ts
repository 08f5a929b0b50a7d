import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { specPath } from '@gameball-open/spec';
import { ERROR_CODES, errorType, GameballError } from '../../src/errors.js';
import { serverForTests } from '../support/harness.js';

/**
 * The entries of the spec's error list, in the root description: under `# Errors`, a heading
 * `### <code>` per code (the docs give it the route `section/errors/<code>`), then one line per
 * status: `- **<status>** \`<type>\`: <meaning>`.
 */
function specErrors(): Array<{ code: number; status: number; type: string }> {
  const description: string = parse(readFileSync(specPath, 'utf8')).info.description;
  const section = description.slice(description.indexOf('\n# Errors\n'));
  const rows: Array<{ code: number; status: number; type: string }> = [];
  let code = 0;
  for (const line of section.split('\n')) {
    const heading = /^### (\d{4})$/.exec(line);
    if (heading) code = Number(heading[1]);
    const entry = /^- \*\*(\d{3})\*\* `([A-Z_]+)`: \S/.exec(line);
    if (entry) rows.push({ code, status: Number(entry[1]), type: entry[2]! });
  }
  return rows;
}

describe('the error-code table', () => {
  it('lists in the spec exactly the codes, statuses and types the server answers with', () => {
    const table = specErrors();
    expect(table.length).toBeGreaterThan(20);
    const server = ERROR_CODES.map(([code, status]) => ({ code, status, type: errorType(code) }));
    const key = (row: { code: number; status: number }) => row.code * 1000 + row.status;
    expect([...table].sort((a, b) => key(a) - key(b))).toEqual([...server].sort((a, b) => key(a) - key(b)));
  });

  it('refuses to build an error the table does not list', () => {
    expect(() => new GameballError(418, 4000, 'teapot')).toThrow(/not in the error table/);
    expect(new GameballError(422, 9008, 'short')).toMatchObject({ status: 422, code: 9008 });
  });
});

describe('documentationUrl', () => {
  const server = serverForTests('sqlite');

  it("links an error body to its code's own entry in the docs, which the spec has", async () => {
    const headings = new Set(specErrors().map((row) => row.code));
    const unknownKey = await server().client({ apiKey: 'nope' }).GET('/configurations/widget');
    const noCustomer = await server().client().GET('/customers/{customerId}', { params: { path: { customerId: 'nobody' } } });
    const noPath = await fetch(`${server().baseUrl}/no-such-path`, { headers: { apikey: 'demo_apikey' } });
    const answers = [unknownKey.error, noCustomer.error, await noPath.json()] as Array<{ code: number; documentationUrl: string }>;
    expect(answers.map((answer) => answer.code)).toEqual([1000, 7000, 4004]);
    for (const { code, documentationUrl } of answers) {
      expect(documentationUrl).toBe(`/docs/#section/errors/${code}`);
      expect(headings.has(code), `the spec has an entry for ${code}`).toBe(true);
    }
  });
});
