import type { IncomingMessage } from 'node:http';
import zlib from 'node:zlib';
import type { RequestHandler } from 'express';
import { LIMITS } from '../domain/shared/limits.js';
import { errors, GameballError } from '../errors.js';
import { resolutionOf } from './operation-resolver.js';
import { textProblem } from './text.js';

/** The deepest nesting of objects and arrays accepted; the top-level object is level 1. */
const MAX_JSON_DEPTH = LIMITS.jsonDepth;

type Decompress = (input: Buffer, options: { maxOutputLength: number }, done: (error: Error | null, output: Buffer) => void) => void;

/** The content codings we undo; zstd only where this Node has it (22.15 and later). */
const DECOMPRESSORS: Record<string, Decompress | undefined> = {
  gzip: zlib.gunzip,
  'x-gzip': zlib.gunzip,
  deflate: zlib.inflate,
  br: zlib.brotliDecompress,
  zstd: typeof zlib.zstdDecompress === 'function' ? zlib.zstdDecompress : undefined,
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a JSON body (`application/json` or `application/*+json`, UTF-8) into `req.body`, in
 * place of express.json(). Besides parsing, it undoes `content-encoding`, holds both the sent
 * and the decompressed size to the resolved operation's limit (1 MiB, 16 MiB for batches: the
 * table of limits), refuses bytes that are not UTF-8, nesting deeper
 * than MAX_JSON_DEPTH and strings the store cannot keep as they are (see textProblem). Every
 * refusal is a GameballError, so nothing downstream sees a body it could choke on.
 * Other content types are left unread for the validator to refuse (415) where a body is needed.
 */
export function jsonBody(): RequestHandler {
  return async (req, res, next) => {
    const type = mediaType(req.headers['content-type']);
    const hasBody = req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined;
    if (!hasBody || !type || !/^application\/([^/]+\+)?json$/.test(type.essence)) return next();
    if (type.charset !== undefined && !/^utf-?8$/.test(type.charset)) {
      throw errors.unsupportedMediaType(`The charset "${type.charset}" is not supported; send the body as UTF-8.`);
    }
    const resolution = resolutionOf(res);
    const limit = resolution?.found === 'operation' ? resolution.route.maxBodyBytes : LIMITS.bodyBytes;
    try {
      let bytes = await readLimited(req, limit);
      for (const coding of contentCodings(req.headers['content-encoding']).reverse()) {
        bytes = await decompress(bytes, coding, limit);
      }
      req.body = parse(bytes);
    } catch (error) {
      // The rest of an oversized body is not worth reading: answer, then close the connection.
      if (error instanceof GameballError && error.status === 413) res.setHeader('connection', 'close');
      throw error;
    }
    next();
  };
}

function mediaType(header: string | undefined): { essence: string; charset?: string } | undefined {
  if (!header) return undefined;
  const [essence = '', ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  const charset = params.find((param) => param.startsWith('charset='))?.slice('charset='.length).replace(/^"(.*)"$/, '$1');
  return { essence, ...(charset === undefined ? {} : { charset }) };
}

/** The codings in the order they were applied; `identity` changes nothing. */
function contentCodings(header: string | undefined): string[] {
  return (header ?? '').split(',').map((coding) => coding.trim().toLowerCase()).filter((coding) => coding && coding !== 'identity');
}

/** The raw body, refused (413) as soon as it grows past `limit` bytes. */
function readLimited(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.reject(errors.payloadTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: Error | undefined) => {
      req.off('data', onData).off('end', onEnd).off('error', onError);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause(); // not destroyed: the socket must stay open for the answer
        finish(errors.payloadTooLarge());
      } else chunks.push(chunk);
    };
    const onEnd = () => finish(undefined);
    const onError = () => finish(errors.malformedPayload('The body ended before its announced length.'));
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

function decompress(input: Buffer, coding: string, limit: number): Promise<Buffer> {
  const method = DECOMPRESSORS[coding];
  if (!method) {
    return Promise.reject(errors.unsupportedMediaType(`The content encoding "${coding}" is not supported; use gzip, deflate, br${DECOMPRESSORS.zstd ? ', zstd' : ''} or none.`));
  }
  return new Promise((resolve, reject) => {
    method(input, { maxOutputLength: limit }, (error, output) => {
      if (!error) resolve(output);
      else if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') reject(errors.payloadTooLarge());
      else reject(errors.malformedPayload(`The body is not valid ${coding} data: ${error.message}.`));
    });
  });
}

function parse(bytes: Buffer): unknown {
  // As express.json() did: an empty body is {}, so the validator names the missing fields.
  if (bytes.length === 0) return {};
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw errors.malformedPayload('The body is not valid UTF-8.');
  }
  if (!/^\s*[{[]/.test(text)) throw errors.malformedPayload('The body must be a JSON object or array.');
  // Bounds the work JSON.parse does, and keeps later recursive code (JSON.stringify) safe.
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw errors.malformedPayload(`The body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw errors.malformedPayload(`The body is not valid JSON: ${(error as Error).message}`);
  }
  const problem = stringProblem(value);
  if (problem) throw errors.malformedPayload(`The body has a string that ${problem}.`);
  return value;
}

/** Whether brackets outside strings nest deeper than `max`; a loop, not recursion. */
function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** The first problem of any key or string value in a parsed body; walks with a stack. */
function stringProblem(root: unknown): string | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return problem;
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        const problem = textProblem(key);
        if (problem) return problem;
        stack.push(child);
      }
    }
  }
  return undefined;
}
