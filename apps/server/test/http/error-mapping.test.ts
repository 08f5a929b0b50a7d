import { describe, expect, it } from 'vitest';
import { toGameballError } from '../../src/http/error-handler.js';

/** What the error handler makes of errors thrown by Express and libraries before the router. */
describe('toGameballError', () => {
  it('keeps a 4xx raised with an HTTP status (http-errors style) a 4xx, in the error model', () => {
    const decode = Object.assign(new URIError("Failed to decode param '%E0%A4%A'"), { status: 400, statusCode: 400, expose: true });
    expect(toGameballError(decode, 'GET', '/x')).toMatchObject({ status: 400, code: 4000, message: "Failed to decode param '%E0%A4%A'" });
    // A status the error table does not list for 4000 (here a bad Range on a docs file) answers 400.
    expect(toGameballError({ statusCode: 416 }, 'GET', '/x')).toMatchObject({ status: 400, code: 4000, message: 'Range Not Satisfiable' });
    expect(toGameballError({ statusCode: 408 }, 'GET', '/x')).toMatchObject({ status: 408, code: 4000 });
    // A 405 needs an Allow header, which only the route resolution can give: a library's 405 is a 400.
    expect(toGameballError({ statusCode: 405 }, 'GET', '/x')).toMatchObject({ status: 400, code: 4000 });
    expect(toGameballError({ status: 404, message: 'ENOENT' }, 'GET', '/docs/x')).toMatchObject({ status: 404, code: 4004 });
  });

  it('still turns anything else into 500/5000', () => {
    expect(toGameballError(new Error('boom'), 'GET', '/x')).toMatchObject({ status: 500, code: 5000 });
    expect(toGameballError({ status: 503 }, 'GET', '/x')).toMatchObject({ status: 500, code: 5000 });
  });
});
