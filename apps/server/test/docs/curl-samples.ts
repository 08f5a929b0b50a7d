import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { SAMPLE_ORIGIN, type Outcome, type Sample } from './code-samples.js';

/** The curl samples of the docs: what they send, and running them as a reader pastes them. */

const run = promisify(execFile);

/** A curl command's words, as a POSIX shell splits them (quotes, `'\''`, line continuations). */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < command.length; i++) {
    const char = command[i]!;
    if (char === "'") {
      const end = command.indexOf("'", i + 1);
      word = (word ?? '') + command.slice(i + 1, end);
      i = end;
    } else if (char === '\\') {
      if (command[i + 1] !== '\n') word = (word ?? '') + command[i + 1];
      i++;
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

export interface CurlRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** What a curl sample sends: its method, URL, headers and body. */
export function parseCurl(command: string): CurlRequest {
  const [program, ...words] = shellWords(command);
  if (program !== 'curl') throw new Error(`not a curl command: ${command}`);
  const request: CurlRequest = { method: 'GET', url: '', headers: {} };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '-X') request.method = words[++i]!;
    else if (word === '-H') {
      const [name = '', value = ''] = words[++i]!.split(/:\s*(.*)/s);
      request.headers[name.toLowerCase()] = value;
    } else if (word === '-d') request.body = words[++i]!;
    else if (word.startsWith('-')) throw new Error(`a curl option the samples do not use: ${word}`);
    else request.url = word;
  }
  if (request.body !== undefined && request.method === 'GET') request.method = 'POST';
  return request;
}

let hasCurl: boolean | undefined;
async function curlInstalled(): Promise<boolean> {
  hasCurl ??= await run('curl', ['--version']).then(() => true, () => false);
  return hasCurl;
}

/**
 * Runs a curl sample with its origin swapped for the test server's: with curl itself when it is
 * installed (through bash, as a reader pastes it), else by sending what it says with fetch.
 */
export async function runCurl(sample: Sample, origin: string): Promise<Outcome> {
  const command = sample.curl.trimEnd().replaceAll(SAMPLE_ORIGIN, origin);
  if (await curlInstalled()) {
    const { stdout } = await run('bash', ['-c', `${command} -sS -w '\\n%{http_code}'`], { timeout: 20_000 });
    const cut = stdout.lastIndexOf('\n');
    return withCode({ status: Number(stdout.slice(cut + 1)), text: stdout.slice(0, cut) });
  }
  const request = parseCurl(command);
  const response = await fetch(request.url, { method: request.method, headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }) });
  return withCode({ status: response.status, text: await response.text() });
}

function withCode(outcome: Outcome): Outcome {
  if (outcome.status < 400) return outcome;
  return { ...outcome, code: (JSON.parse(outcome.text) as { code: number }).code };
}
