import type { SpecOperation } from '../spec-operations.js';
import { NUMBERS, STRINGS, type Pick } from './junk.js';

/**
 * URLs for a fuzzed request: the operation's path filled from its examples (with some optional
 * query parameters too), then maybe a path value, a query value or the case of the letters changed.
 */

export const BASE = '/api/v4/integrations';
const BASES = [BASE, BASE, BASE, '/api/v4.0/integrations'];

const swapCase = (text: string) => [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');

/** Path values as they would appear in the URL (already percent-encoded where needed). */
const PATH_VALUES: readonly string[] = [
  '%00', 'a%00b', '%ZZ', '%', '%E', '%ED%A0%80', '%FF', '%C0%AF', '..', '.', '%2E%2E', 'a%2Fb', '%2F', '%20', '%09',
  '-1', '0', '1.5', '9223372036854775808', '1e309', 'NaN', 'null', 'x'.repeat(101), 'x'.repeat(5000), 'x'.repeat(17_000),
  encodeURIComponent('😀'), encodeURIComponent("' OR 1=1 --"), encodeURIComponent('<script>'), '~', '!$&\'()*+,;=', '@:',
];

/** Query values as they would appear in the URL. */
const QUERY_VALUES: readonly string[] = [
  '', '%00', '%ZZ', '%ED%A0%80', '%FF', '+', '%2B', ' ', '-1', '0', '1.5', '2147483648', '9007199254740993',
  '9223372036854775808', '1e309', '-0', 'NaN', 'true', '[]', 'a,b', 'x'.repeat(5000), '2024-02-30T10:00:00Z', '2024-13-01',
  ...NUMBERS.slice(10, 16), ...STRINGS.slice(0, 8).map((s) => encodeURIComponent(JSON.parse(s) as string)),
];

export interface Url {
  note: string;
  url: string;
  /** The URL may no longer lead to the operation (another base path, extra slashes). */
  leaves?: boolean;
}

/** The URL of the operation from its examples (or the path values given): every required query parameter, some optional ones. */
export function exampleUrl(operation: SpecOperation, chance: () => number, base = BASE, values: Record<string, string | undefined> = {}): string {
  let path = operation.path;
  for (const p of operation.parameters.filter((p) => p.in === 'path')) path = path.replace(`{${p.name}}`, encodeURIComponent(String(values[p.name] ?? p.example)));
  const query = operation.parameters.filter((p) => p.in === 'query' && p.example !== undefined && (p.required || chance() < 0.3));
  const search = query.map((p) => `${p.name}=${encodeURIComponent(String(p.example))}`).join('&');
  return `${base}${path}${search ? `?${search}` : ''}`;
}

export function urlMutation(operation: SpecOperation, pick: Pick, chance: () => number, values: Record<string, string | undefined> = {}): Url {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const kinds = ['case', 'base', 'slashes', 'unknown query', 'repeated query', ...(pathParams.length > 0 ? ['path value', 'path value'] : []), ...(queryParams.length > 0 ? ['query value', 'query value', 'query value'] : [])];
  const kind = pick(kinds);
  const base = pick(BASES);
  const url = exampleUrl(operation, chance, base, values);
  const [path = '', search] = url.split('?');
  const withSearch = (p: string, s: string | undefined) => `${p}${s ? `?${s}` : ''}`;
  switch (kind) {
    case 'case': {
      const segments = path.split('/');
      const template = `${BASE}${operation.path}`.split('/');
      const swapped = segments.map((s, i) => (!template[i]?.startsWith('{') && chance() < 0.5 ? swapCase(s) : s));
      return { note: 'letters of the path case-swapped', url: withSearch(swapped.join('/'), search) };
    }
    case 'base':
      return { note: 'another base path', url: withSearch(path.replace(/^\/api\/v4(\.0)?\/integrations/, pick(['/api/v4/integrations/', '/api/V4/Integrations', '/api/v4.1/integrations', '/api/v4/integrations/.', '/api/v4/integrations/..'])), search), leaves: true };
    case 'slashes':
      return { note: 'extra slashes', url: withSearch(pick([`${path}/`, path.replace(/\/([^/]*)$/, '//$1'), `${path}//`, path.replace(BASE, `${BASE}/`)]), search), leaves: true };
    case 'unknown query':
      return { note: 'an unknown query parameter', url: withSearch(path, [search, pick(['unexpected=1', 'limit=1', '__proto__[x]=1', 'a', '=', '&&', 'x'.repeat(300) + '=1'])].filter(Boolean).join('&')) };
    case 'repeated query': {
      const first = search?.split('&')[0];
      return { note: 'a query parameter twice', url: first ? withSearch(path, `${search}&${first}`) : withSearch(path, 'x=1&x=2') };
    }
    case 'path value': {
      const param = pick(pathParams);
      const value = pick(PATH_VALUES);
      const at = `${BASE}${operation.path}`.split('/').indexOf(`{${param.name}}`);
      const segments = path.split('/');
      segments[at] = value;
      // Dot segments are resolved by the client before sending: the URL may then name another path.
      return { note: `path ${param.name} = ${value.slice(0, 40)}`, url: withSearch(segments.join('/'), search), leaves: /^(\.|%2E){1,2}$/i.test(value) };
    }
    default: {
      const param = pick(queryParams);
      const value = pick(QUERY_VALUES);
      const rest = (search ?? '').split('&').filter((pair) => pair && !pair.startsWith(`${param.name}=`));
      return { note: `query ${param.name} = ${value.slice(0, 40)}`, url: withSearch(path, [...rest, `${param.name}=${value}`].join('&')) };
    }
  }
}
