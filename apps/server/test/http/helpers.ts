import { connect } from 'node:net';
import { expect } from 'vitest';
import { demo } from '../support/harness.js';

/** Both keys of the demo account, as raw headers. */
export const keys = { apikey: demo.apiKey, secretkey: demo.secretKey };

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

/** One request with fetch; the body is parsed as JSON when there is one. */
export async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** A POST of raw bytes with the demo keys and the given headers. */
export function post(url: string, body: string | Uint8Array, headers: Record<string, string> = {}): Promise<Answer> {
  return call(url, { method: 'POST', headers: { ...keys, 'content-type': 'application/json', ...headers }, body });
}

/** The answer is an error in the Gameball model, with exactly its five fields. */
export function expectError(answer: Answer, status: number, code: number): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  expect(answer.body).toMatchObject({ code, message: expect.any(String), documentationUrl: `/docs/#section/errors/${code}`, requestId: expect.any(String) });
  expect(Object.keys(answer.body).sort()).toEqual(['code', 'documentationUrl', 'message', 'requestId', 'type']);
  expect(answer.body.requestId).toBe(answer.headers.get('x-request-id'));
}

/** Writes bytes on a fresh TCP connection and returns everything the server sends until it closes. */
export function rawExchange(origin: string, request: string | Buffer): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => socket.write(typeof request === 'string' ? Buffer.from(request, 'latin1') : request));
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer in 10 s')));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', reject);
  });
}

/** Splits a raw HTTP/1.1 answer into status, lower-cased headers and body. */
export function parseRaw(raw: string): { status: number; headers: Record<string, string>; body: string } {
  const [head = '', body = ''] = raw.split(/\r\n\r\n(.*)/s);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => line.split(/:\s*(.*)/s).slice(0, 2)).map(([k = '', v = '']) => [k.toLowerCase(), v]));
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}
