// Request samples for every operation of the bundled spec, made from the operation's own
// examples: a curl command and a call through the typed client (@gameball-open/client). Redoc
// shows them from each operation's `x-codeSamples` (lang, label, source).

/** The reference server as `./scripts/pnpm start` runs it, and the keys of its demo account. */
export const SAMPLE_ORIGIN = 'http://127.0.0.1:4010';
export const SAMPLE_KEYS = { apiKey: 'demo_apikey', secretKey: 'demo_secretkey' };

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Follows local `$ref`s (`#/components/...`) of the bundled document. */
function deref(document, value) {
  let out = value;
  while (out && typeof out.$ref === 'string') {
    const keys = out.$ref.slice(2).split('/').map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'));
    out = keys.reduce((node, key) => node?.[key], document);
    if (out === undefined) throw new Error(`unresolved $ref ${value.$ref}`);
  }
  return out;
}

/** The example a parameter documents: its own, else (when it is required) its schema's. */
function parameterExample(document, parameter) {
  if ('example' in parameter) return parameter.example;
  const named = Object.values(parameter.examples ?? {})[0];
  if (named) return deref(document, named).value;
  if (!parameter.required) return undefined;
  const schema = deref(document, parameter.schema ?? {});
  return schema.example ?? schema.examples?.[0] ?? schema.default;
}

/** The operation's first request body example (JSON), or undefined when it takes no body. */
function bodyExample(document, operation) {
  if (!operation.requestBody) return undefined;
  const media = deref(document, operation.requestBody).content?.['application/json'];
  const named = Object.values(media?.examples ?? {})[0];
  return named ? deref(document, named).value : media?.example;
}

/** Every operation with what its samples need: the URL's parts, headers, body and keys. */
export function sampleRequests(document) {
  const server = document.servers?.[0]?.url ?? '';
  const baseUrl = /^https?:/.test(server) ? server : `${SAMPLE_ORIGIN}${server}`;
  const requests = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path} (${operation.operationId})`;
      const params = { path: {}, query: {}, header: {} };
      for (const ref of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
        const parameter = deref(document, ref);
        const value = parameterExample(document, parameter);
        if (value === undefined) {
          if (parameter.required) throw new Error(`${where}: the required parameter ${parameter.name} has no example`);
          continue;
        }
        if (params[parameter.in]) params[parameter.in][parameter.name] = value;
      }
      const body = bodyExample(document, operation);
      if (body === undefined && operation.requestBody && deref(document, operation.requestBody).required) {
        throw new Error(`${where}: the request body has no example`);
      }
      const security = operation.security ?? document.security ?? [];
      const needsSecret = security.length > 0 && security.every((alternative) => 'secretKey' in alternative);
      requests.push({ path, method, operation, baseUrl, params, body, needsSecret });
    }
  }
  return requests;
}

/** The request's URL: the path filled from its examples, with the query. */
function urlOf({ baseUrl, path, params }) {
  const filled = path.replace(/\{([^}]+)\}/g, (_, name) => encodeURIComponent(String(params.path[name])));
  const query = Object.entries(params.query).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((one) => `${encodeURIComponent(name)}=${encodeURIComponent(String(one))}`),
  );
  return `${baseUrl}${filled}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}

/** Quotes a text for a POSIX shell. */
function shellQuote(text) {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

export function curlSample(request) {
  const method = request.method.toUpperCase();
  const lines = [`curl ${method === 'GET' ? '' : `-X ${method} `}${shellQuote(urlOf(request))}`];
  const headers = { apikey: SAMPLE_KEYS.apiKey };
  if (request.needsSecret) headers.secretkey = SAMPLE_KEYS.secretKey;
  Object.assign(headers, request.params.header);
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  for (const [name, value] of Object.entries(headers)) lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (request.body !== undefined) lines.push(`-d ${shellQuote(JSON.stringify(request.body, null, 2))}`);
  return `${lines.join(' \\\n  ')}\n`;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function quote(text) {
  return `'${JSON.stringify(text).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'")}'`;
}

/** A value as a TypeScript literal, indented; small flat objects and lists stay on one line. */
function literal(value, indent = '') {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? quote(value) : String(value);
  const inner = `${indent}  `;
  const entries = Array.isArray(value)
    ? value.map((item) => literal(item, inner))
    : Object.entries(value).map(([key, item]) => `${IDENTIFIER.test(key) ? key : quote(key)}: ${literal(item, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{ ', ' }'];
  if (entries.length === 0) return Array.isArray(value) ? '[]' : '{}';
  const flat = Object.values(value).every((item) => item === null || typeof item !== 'object');
  const oneLine = `${open}${entries.join(', ')}${close}`;
  if (flat && oneLine.length + indent.length <= 72) return oneLine;
  return `${open.trim()}\n${entries.map((entry) => `${inner}${entry},`).join('\n')}\n${indent}${close.trim()}`;
}

export function typescriptSample(request) {
  const params = Object.fromEntries(Object.entries(request.params).filter(([, values]) => Object.keys(values).length > 0));
  const init = {};
  if (Object.keys(params).length > 0) init.params = params;
  if (request.body !== undefined) init.body = request.body;
  const options = { baseUrl: `${request.baseUrl}`, apiKey: SAMPLE_KEYS.apiKey };
  if (request.needsSecret) options.secretKey = SAMPLE_KEYS.secretKey;
  const args = [quote(request.path), ...(Object.keys(init).length > 0 ? [literal(init)] : [])];
  const call = `gameball.${request.method.toUpperCase()}(${args.join(', ')})`;
  return [
    "import { createGameballClient } from '@gameball-open/client';",
    '',
    `const gameball = createGameballClient(${literal(options)});`,
    '',
    `const { data, error } = await ${call};`,
    'if (error) console.error(error.code, error.message);',
    'else console.log(data);',
    '',
  ].join('\n');
}

/** The `x-codeSamples` of one operation. */
export function codeSamples(request) {
  return [
    { lang: 'curl', label: 'curl', source: curlSample(request) },
    { lang: 'TypeScript', label: 'TypeScript', source: typescriptSample(request) },
  ];
}
