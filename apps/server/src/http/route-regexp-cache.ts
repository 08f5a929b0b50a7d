import { createRequire } from 'node:module';

type Compile = ((path: unknown, options?: object) => unknown) & { memoised?: true };

const require = createRequire(import.meta.url);

/** The path-to-regexp module express-openapi-validator loads (its own copy). */
export function validatorsPathToRegexp(): { pathToRegexp: Compile } {
  return createRequire(require.resolve('express-openapi-validator'))('path-to-regexp') as { pathToRegexp: Compile };
}

/**
 * express-openapi-validator 5 compiles the path pattern of every operation with path-to-regexp on
 * every request, until one matches. With the 60-odd operations of the spec, that compile was a
 * fifth of this server's CPU under load (`node --cpu-prof`, POST /orders). The patterns are fixed
 * for the life of the process and the compiled regexps carry no state (no `g` or `y` flag), so
 * the compile is memoised, per pattern and options, in the copy the validator uses. Only string
 * patterns are memoised, and at most 2,000 of them.
 */
export function memoiseValidatorRouteRegexps(): void {
  const module = validatorsPathToRegexp();
  const original = module.pathToRegexp;
  if (original.memoised) return;
  const compiled = new Map<string, unknown>();
  const memoised: Compile = (path, options) => {
    if (typeof path !== 'string') return original(path, options);
    const key = `${JSON.stringify(options ?? null)} ${path}`;
    let result = compiled.get(key);
    if (result === undefined) {
      result = original(path, options);
      if (compiled.size < 2_000) compiled.set(key, result);
    }
    return result;
  };
  memoised.memoised = true;
  module.pathToRegexp = memoised;
}
