import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { serverForTests, uid } from '../support/harness.js';
import { call, expectError, keys, post } from './helpers.js';

const hasZstd = typeof zlib.zstdCompressSync === 'function';
const compressors: Record<string, (input: Buffer) => Buffer> = {
  gzip: zlib.gzipSync,
  deflate: zlib.deflateSync,
  br: zlib.brotliCompressSync,
  ...(hasZstd ? { zstd: zlib.zstdCompressSync } : {}),
};

/** The JSON body reader (src/http/json-body.ts): encodings, size, depth and text checks. */
describe('JSON request bodies', () => {
  const server = serverForTests('sqlite');
  const customers = () => `${server().baseUrl}/customers`;
  const exists = async (customerId: string) =>
    (await call(`${customers()}/${encodeURIComponent(customerId)}`, { headers: keys })).status === 200;

  it.each(Object.keys(compressors))('reads a %s-compressed body', async (encoding) => {
    const customerId = uid('zip');
    const body = compressors[encoding]!(Buffer.from(JSON.stringify({ customerId })));
    const answer = await post(customers(), body, { 'content-encoding': encoding });
    expect(answer.status, answer.text).toBe(200);
    expect(await exists(customerId)).toBe(true);
  });

  it.each(['gzip', 'deflate', 'br', 'zstd'])('answers a corrupt %s body with 400/3016, not 500', async (encoding) => {
    const answer = await post(customers(), 'this is not compressed at all', { 'content-encoding': encoding });
    if (encoding === 'zstd' && !hasZstd) expectError(answer, 415, 3013);
    else expectError(answer, 400, 3016);
  });

  it('answers a truncated gzip body with 400/3016', async () => {
    const whole = zlib.gzipSync(JSON.stringify({ customerId: uid('cut') }));
    expectError(await post(customers(), whole.subarray(0, whole.length - 6), { 'content-encoding': 'gzip' }), 400, 3016);
  });

  it('answers an unknown content encoding with 415/3013', async () => {
    expectError(await post(customers(), '{"customerId":"x"}', { 'content-encoding': 'snappy' }), 415, 3013);
  });

  it('holds the decompressed size to 1 MB too (a decompression bomb answers 413/3011)', async () => {
    const bomb = zlib.gzipSync(`{"customerId":"bomb","pad":"${'a'.repeat(8 * 1024 * 1024)}"}`);
    expect(bomb.length).toBeLessThan(64 * 1024);
    expectError(await post(customers(), bomb, { 'content-encoding': 'gzip' }), 413, 3011);
  });

  it('answers a body over 1 MB with 413/3011', async () => {
    expectError(await post(customers(), `{"customerId":"big","pad":"${'a'.repeat(1024 * 1024)}"}`), 413, 3011);
  });

  it('refuses JSON nested 5,000 levels deep with 400/3016 (no stack overflow)', async () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const body = `{"customerId":"${uid('deep')}","customerAttributes":{"custom":${deep}}}`;
    expectError(await post(customers(), body), 400, 3016);
    expectError(await post(customers(), `{"customerId":"x","tags":${'['.repeat(5000)}${']'.repeat(5000)}}`), 400, 3016);
  });

  it('accepts 32 levels of nesting and refuses 33', async () => {
    // The body is level 1, customerAttributes 2, custom 3.
    const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    const body = (customerId: string, levels: number) =>
      `{"customerId":"${customerId}","customerAttributes":{"custom":${nested(levels)}}}`;
    const ok = uid('d32');
    const answer = await post(customers(), body(ok, 30));
    expect(answer.status, answer.text).toBe(200);
    expectError(await post(customers(), body(uid('d33'), 31)), 400, 3016);
    // Brackets inside strings do not count.
    const text = uid('str');
    expect((await post(customers(), JSON.stringify({ customerId: text, customerAttributes: { custom: { note: '['.repeat(100) } } }))).status).toBe(200);
  });

  it.each(['\\ud800', '\\udfff', '\\udc00\\ud800'])('refuses a lone surrogate (%s) in any body string with 400/3016', async (escape) => {
    const customerId = uid('sur');
    expectError(await post(customers(), `{"customerId":"${customerId}${escape}"}`), 400, 3016);
    expectError(await post(customers(), `{"customerId":"${customerId}","customerAttributes":{"custom":{"k":["${escape}"]}}}`), 400, 3016);
    expectError(await post(customers(), `{"customerId":"${customerId}","customerAttributes":{"custom":{"${escape}":1}}}`), 400, 3016);
    // Nothing landed on the U+FFFD twin, nor on the customer itself.
    expect(await exists(`${customerId}\ufffd`)).toBe(false);
    expect(await exists(customerId)).toBe(false);
  });

  it('refuses U+0000 in a body string with 400/3016', async () => {
    expectError(await post(customers(), `{"customerId":"${uid('nul')}\\u0000"}`), 400, 3016);
  });

  it('refuses bytes that are not UTF-8 with 400/3016', async () => {
    const customerId = uid('bytes');
    const body = Buffer.concat([Buffer.from(`{"customerId":"${customerId}`), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    expectError(await post(customers(), body), 400, 3016);
    expectError(await post(customers(), Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d])), 400, 3016);
    expect(await exists(`${customerId}\ufffd\ufffd`)).toBe(false);
  });

  it('accepts U+FFFD and other well-formed text as ordinary characters', async () => {
    const customerId = `${uid('ok')}\ufffd😀é`;
    const answer = await post(customers(), JSON.stringify({ customerId }));
    expect(answer.status, answer.text).toBe(200);
    expect(await exists(customerId)).toBe(true);
  });

  it('answers a charset other than UTF-8 with 415/3013', async () => {
    expectError(await post(customers(), '{"customerId":"x"}', { 'content-type': 'application/json; charset=latin1' }), 415, 3013);
    const answer = await post(customers(), JSON.stringify({ customerId: uid('cs') }), { 'content-type': 'application/json; charset="UTF-8"' });
    expect(answer.status, answer.text).toBe(200);
  });

  it('keeps the validator\'s 400/3000 for an empty JSON body where a body is needed', async () => {
    expectError(await post(customers(), ''), 400, 3000);
    expectError(await call(`${server().baseUrl}/transactions/hold`, { method: 'POST', headers: { ...keys, 'content-type': 'application/json' } }), 400, 3000);
  });

  it('answers a body that is not an object or array with 400/3016', async () => {
    expectError(await post(customers(), '"x"'), 400, 3016);
    expectError(await post(customers(), '{"customerId": "a",'), 400, 3016);
  });
});

describe('a body without a content type', () => {
  const server = serverForTests('sqlite');

  it('answers 415/3013 saying the Content-Type header is missing, not "undefined"', async () => {
    const answer = await call(`${server().baseUrl}/customers`, { method: 'POST', headers: keys, body: new Uint8Array(Buffer.from('{"customerId":"x"}')) });
    expectError(answer, 415, 3013);
    expect(answer.body.message).toContain('no Content-Type');
    expect(answer.body.message).not.toContain('undefined');
  });
});
