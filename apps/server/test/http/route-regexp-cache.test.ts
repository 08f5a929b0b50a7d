import { describe, expect, it } from 'vitest';
import { memoiseValidatorRouteRegexps, validatorsPathToRegexp } from '../../src/http/route-regexp-cache.js';

describe("the validator's route patterns", () => {
  it('are compiled once per pattern and options, and still match and capture as before', () => {
    memoiseValidatorRouteRegexps();
    memoiseValidatorRouteRegexps(); // a second app in the same process does not wrap twice
    const { pathToRegexp } = validatorsPathToRegexp();
    type Compiled = { regexp: RegExp; keys: Array<{ name: string }> };
    const first = pathToRegexp('/api/v4/integrations/orders/:orderId/transactions', { sensitive: false, strict: false }) as Compiled;
    const again = pathToRegexp('/api/v4/integrations/orders/:orderId/transactions', { sensitive: false, strict: false }) as Compiled;
    expect(again).toBe(first);
    const strict = pathToRegexp('/api/v4/integrations/orders/:orderId/transactions', { sensitive: true, strict: true });
    expect(strict).not.toBe(first);
    expect(first.keys.map((key) => key.name)).toEqual(['orderId']);
    expect(first.regexp.exec('/api/v4/integrations/orders/A-1/transactions')?.[1]).toBe('A-1');
    expect(first.regexp.exec('/api/v4/integrations/orders/A-1/transactions')?.[1]).toBe('A-1'); // no state between calls
    expect(first.regexp.exec('/api/v4/integrations/orders/A-1')).toBeNull();
  });
});
