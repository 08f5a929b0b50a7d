import type { PathOperationId } from './generated/path-operations.js';
import type { components, operations, paths, webhooks } from './generated/schema.js';

export type { components, operations, paths, webhooks };

/** Every operationId a server answers: those of the spec's paths. */
export type OperationId = PathOperationId;

/** The operations of the spec's webhooks: requests the server sends, which no handler answers. */
export type WebhookOperationId = Exclude<keyof operations, PathOperationId>;

type Operation<K extends OperationId> = operations[K];
type JsonContent<T, Otherwise = undefined> = T extends { content: { 'application/json': infer B } }
  ? B
  : Otherwise;
type Section<K extends OperationId, S extends 'path' | 'query'> = Operation<K>['parameters'] extends {
  [P in S]?: infer V;
}
  ? [NonNullable<V>] extends [never]
    ? Record<string, never>
    : NonNullable<V>
  : Record<string, never>;

/** Path parameters of an operation. */
export type PathParams<K extends OperationId> = Section<K, 'path'>;
/** Query parameters of an operation (after validation, defaults applied). */
export type QueryParams<K extends OperationId> = Section<K, 'query'>;
/** The JSON request body of an operation, or `undefined` when it takes none. */
export type RequestBody<K extends OperationId> = Operation<K> extends {
  requestBody?: infer R;
}
  ? [NonNullable<R>] extends [never]
    ? undefined
    : JsonContent<NonNullable<R>>
  : undefined;

type SuccessStatus<K extends OperationId> = Extract<keyof Operation<K>['responses'], 200 | 201 | 202 | 204>;
/** The JSON body of an operation's success response, or `void` when it has none. */
export type ResponseBody<K extends OperationId> = JsonContent<
  Operation<K>['responses'][SuccessStatus<K>],
  void
>;

/** What a handler receives: validated input plus the server's own context (e.g. the account). */
export interface HandlerInput<K extends OperationId, Ctx> {
  params: PathParams<K>;
  query: QueryParams<K>;
  body: RequestBody<K>;
  context: Ctx;
}

/** A handler returns the success body; failures are thrown as the server's error type. */
export type Handler<K extends OperationId, Ctx> = (
  input: HandlerInput<K, Ctx>,
) => Promise<ResponseBody<K>>;

/** One handler per operationId: a missing or mistyped handler fails to compile. */
export type Handlers<Ctx> = { [K in OperationId]: Handler<K, Ctx> };

/** A subset of handlers, for splitting the map into one file per tag. */
export type HandlerGroup<Ctx, K extends OperationId> = { [P in K]: Handler<P, Ctx> };

/** Runtime marker so the package has a JavaScript entry point. */
export const serverTypesVersion = '0.1.0';
