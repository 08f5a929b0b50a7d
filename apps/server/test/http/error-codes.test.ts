import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { specPath } from '@gameball-open/spec';
import { ERROR_CODES, errorType, GameballError } from '../../src/errors.js';

/** The rows of the spec's error table: `| code | HTTP | type | meaning |` in the root description. */
function specTable(): Array<{ code: number; status: number; type: string }> {
  const description: string = parse(readFileSync(specPath, 'utf8')).info.description;
  return description
    .split('\n')
    .filter((line) => /^\|\s*\d{4}\s*\|/.test(line))
    .map((line) => {
      const [code, status, type] = line.split('|').slice(1, 4).map((cell) => cell.trim());
      return { code: Number(code), status: Number(status), type: type! };
    });
}

describe('the error-code table', () => {
  it('lists in the spec exactly the codes, statuses and types the server answers with', () => {
    const table = specTable();
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
