import type { Middleware, ParamsOption, RequestBodyOption } from 'openapi-fetch';
import type { GameballNetworkError } from './errors.js';
import type { paths } from './generated/schema.js';

/** The HTTP methods the spec uses; a test checks that it uses no other. */
export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

/** The spec's paths that have an operation for `M`. */
export type PathsWith<M extends HttpMethod> = {
  [P in keyof paths]: paths[P] extends { [K in M]: object } ? P : never;
}[keyof paths];

/** The operation object of `M path`. */
export type OperationOf<P extends keyof paths, M extends HttpMethod> = paths[P] extends { [K in M]: infer O } ? O : never;

/** Options of one call besides its parameters and body. */
export interface CallOptions {
  /** Extra headers. */
  headers?: Record<string, string>;
  /** Aborts the call (retries included); the abort reason is thrown as `fetch` does. */
  signal?: AbortSignal;
  /** Milliseconds each attempt may take; overrides the client's `timeout`. */
  timeout?: number;
}

/**
 * What a call takes: `params` (path, query) and `body` as the spec says, nothing else. It is
 * not a type parameter inferred from the argument, so a misspelt key is a compile error.
 */
export type CallInit<O> = ParamsOption<O> & RequestBodyOption<O> & CallOptions;

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/** The init argument, optional when the operation needs no parameters or body. */
export type InitArgs<O> = RequiredKeys<CallInit<O>> extends never ? [init?: CallInit<O>] : [init: CallInit<O>];

type Responses<O> = O extends { responses: infer R } ? R : never;
type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 205 | 206 | 207 | '2XX';
/** The JSON body of one response object; undefined when it has none (204). */
type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : undefined;

/** The 2xx body of an operation. */
export type ResponseData<O> = {
  [S in keyof Responses<O>]: S extends SuccessStatus ? JsonOf<Responses<O>[S]> : never;
}[keyof Responses<O>];

/** The error body of an operation (the Gameball error model). */
export type ResponseError<O> = {
  [S in keyof Responses<O>]: S extends SuccessStatus ? never : JsonOf<Responses<O>[S]>;
}[keyof Responses<O>];

/**
 * `{ data, error, response }`: `error` is the Gameball error body of a non-2xx answer, or a
 * GameballNetworkError when no Gameball answer came (then `response` is the answer that came,
 * or `Response.error()`, status 0).
 */
export type Result<O> =
  | { data: ResponseData<O>; error?: never; response: Response }
  | { data?: never; error: ResponseError<O> | GameballNetworkError; response: Response };

/** What a call of a client created with `throwOnError: true` resolves to. */
export interface ThrowingResult<O> {
  data: ResponseData<O>;
  response: Response;
}

type Method<M extends HttpMethod, Throwing extends boolean> = <P extends PathsWith<M>>(
  url: P,
  ...init: InitArgs<OperationOf<P, M>>
) => Promise<Throwing extends true ? ThrowingResult<OperationOf<P, M>> : Result<OperationOf<P, M>>>;

/** List operations that page with `startAfter` and answer `hasMore`. */
export type PaginatedPath = {
  [P in PathsWith<'get'>]: OperationOf<P, 'get'> extends { parameters: { query?: { startAfter?: number } } }
    ? ResponseData<OperationOf<P, 'get'>> extends { hasMore: boolean }
      ? P
      : never
    : never;
}[PathsWith<'get'>];

/** The page of a paginated operation. */
export type PageOf<P extends PaginatedPath> = ResponseData<OperationOf<P, 'get'>>;

/** The key of a page that holds its items (the page's one array). */
export type ItemsKey<P extends PaginatedPath> = {
  [K in keyof PageOf<P>]: PageOf<P>[K] extends readonly unknown[] ? K : never;
}[keyof PageOf<P>];

/** One item of a paginated operation's pages. */
export type ItemOf<P extends PaginatedPath> = PageOf<P>[ItemsKey<P>] extends ReadonlyArray<infer Item> ? Item : never;

interface ClientBase<Throwing extends boolean> {
  GET: Method<'get', Throwing>;
  POST: Method<'post', Throwing>;
  PUT: Method<'put', Throwing>;
  DELETE: Method<'delete', Throwing>;
  /**
   * Every item of a list operation, page after page (`startAfter` set to the last item's ID),
   * until `hasMore` is false. Stops when the loop stops. Errors are thrown (GameballApiError,
   * GameballNetworkError), whatever `throwOnError` says.
   */
  paginate<P extends PaginatedPath>(url: P, ...init: InitArgs<OperationOf<P, 'get'>>): AsyncIterableIterator<ItemOf<P>>;
  /** Adds openapi-fetch middleware; it runs once per call, around all of its attempts. */
  use(...middleware: Middleware[]): void;
  /** Removes middleware added with `use`. */
  eject(...middleware: Middleware[]): void;
}

/** A client whose calls return `{ data, error, response }` and throw only when the caller aborts. */
export type GameballClient = ClientBase<false>;

/** A client whose calls resolve to `{ data, response }` and throw GameballApiError or GameballNetworkError. */
export type ThrowingGameballClient = ClientBase<true>;
