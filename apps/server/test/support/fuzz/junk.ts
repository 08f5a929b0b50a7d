/**
 * The values a fuzzed request puts where a field's value should be. Each is raw JSON text, so
 * numbers JSON.stringify cannot write (1e309, 2^63 exactly, -0) and escapes it would never
 * produce (a lone surrogate `\ud800`) reach the server as a client could send them.
 */

export type Pick = <T>(list: readonly T[]) => T;

const json = (value: unknown) => JSON.stringify(value);

/** Numbers at and past every boundary: JavaScript's safe integers, 64-bit columns, doubles, decimals. */
export const NUMBERS: readonly string[] = [
  '0', '-0', '1', '-1', '0.5', '-0.5', '1.5', '0.1', '0.30000000000000004', '1e-7', '1e-400',
  '2147483647', '2147483648', '-2147483649', '4294967296',
  '9007199254740991', '9007199254740992', '9007199254740993', '-9007199254740993',
  '9223372036854775807', '9223372036854775808', '-9223372036854775809', '18446744073709551616',
  '1000000000000000', '1000000000000001', '99999999999999999999999999999999999999',
  '1e21', '1e308', '1.7976931348623157e308', '1e309', '-1e309', '123456789.123456789123456789',
  '0.000000000000000000000000001', '1E2', '-1e-2',
];

const long = (n: number, unit = 'x') => unit.repeat(n);

/** Strings: empty, blank, at and past every length limit, hostile text. */
export const STRINGS: readonly string[] = [
  '', ' ', '\t\n', 'a', long(100), long(101), long(200), long(201), long(255), long(256), long(1000), long(1001),
  long(4096), long(70_000), long(300, '😀'), 'é'.normalize('NFD'), '\u202Eevil', '\uFEFF', '\u00A0',
  "' OR 1=1 --", '"; DROP TABLE customers; --', '../../etc/passwd', '<script>alert(1)</script>', '%00', '%s%n',
  '{{7*7}}', '${7*7}', 'null', 'true', '0', '-1', 'NaN', 'Infinity', '__proto__', 'constructor', 'a\u0000b', '\u0001\u001f',
].map(json);

/** Dates that cannot be, or sit at the edge of what a date column holds. */
export const DATES: readonly string[] = [
  '2024-02-30T10:00:00Z', '2023-02-29T00:00:00Z', '2024-13-01T00:00:00Z', '2024-00-10T00:00:00Z', '2024-06-31T00:00:00Z',
  '2024-01-01T24:00:01Z', '2024-01-01T23:60:00Z', '2024-01-01T23:59:60Z', '2024-01-01T10:00:00+25:00', '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z', '1969-12-31T23:59:59Z', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00.001Z', '-000001-01-01T00:00:00Z',
  '2024-01-01', '2024-01-01T10:00:00', '2024-1-1T1:1:1Z', 'yesterday', '1700000000', '2024-01-01T10:00:00.1234567891234Z', '',
].map(json);

/** JSON escapes that decode to text no store keeps as it is: lone and reversed surrogates, U+0000. */
export const BAD_ESCAPES: readonly string[] = ['"\\ud800"', '"a\\udc00b"', '"\\udbff\\udbff"', '"\\udc00\\ud800"', '"\\u0000"', '"x\\ud83d"'];

/** Wrong types and shapes. */
export const SHAPES: readonly string[] = [
  'null', 'true', 'false', '[]', '{}', '[null]', '[1,"a",{}]', '{"a":{"b":{"c":[1]}}}', '""', '[[[]]]',
  json(Array.from({ length: 1001 }, (_, i) => i)), json(Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`k${i}`, i]))),
];

/** Nested arrays and objects `depth` levels deep (the limit is 32). */
export function nested(depth: number, pick: Pick): string {
  const [open, close] = pick([['[', ']'], ['{"a":', '}']] as const);
  return `${open.repeat(depth)}1${close.repeat(depth)}`;
}

/** Any junk value, as raw JSON text. */
export function anyJunk(pick: Pick): string {
  const family = pick(['number', 'string', 'date', 'escape', 'shape', 'nested'] as const);
  switch (family) {
    case 'number':
      return pick(NUMBERS);
    case 'string':
      return pick(STRINGS);
    case 'date':
      return pick(DATES);
    case 'escape':
      return pick(BAD_ESCAPES);
    case 'shape':
      return pick(SHAPES);
    case 'nested':
      return nested(pick([31, 33, 100, 3000]), pick);
  }
}

/** Whole bodies that are not JSON, or not the JSON an operation reads. */
export const BROKEN_BODIES: readonly string[] = [
  '', ' ', '{', '}', '{"customerId": ', '{"a":1,}', "{'a':1}", '{"a":NaN}', '{"a":Infinity}', '{"a":undefined}',
  '{"a":1}{"b":2}', '{"a":01}', '{"a":.5}', '{"a":"\\x41"}', '{"a":"\\u12"}', '{"a":"line\nbreak"}', '[', 'null', '0', '"text"',
  '\uFEFF{}', '{"a":1} trailing', '/* comment */ {}', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"x":1}}}',
];

/** Bytes that are not UTF-8, placed inside a JSON string. */
export const BAD_UTF8: readonly number[][] = [[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0x80]];
