/**
 * IDs the server handed out or took during a fuzz run (hold and lock references, transaction,
 * order and batch IDs, coupon codes), kept by name so later requests can name things that exist:
 * an operation that only answers for a real hold or transaction is then reached too, without a
 * line of setup per operation.
 */
export type Harvest = Map<string, string[]>;

const ID_NAME = /(id|reference|code)$/i;
/** Names that mean the same thing in different places of the spec. */
const SAME = new Map([['job', 'batch']]);

/** `holdReferenceId` and `holdReference` are one name: lower case, without a final `id`. */
export function normalName(name: string): string {
  const base = name.toLowerCase().replace(/id$/, '');
  return SAME.get(base) ?? base;
}

function walk(value: unknown, visit: (key: string, leaf: string) => void): void {
  if (Array.isArray(value)) value.forEach((item) => walk(item, visit));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      // An empty ID names nothing (and would leave an empty path segment, which no operation has).
      if ((typeof item === 'string' || typeof item === 'number') && String(item) !== '' && ID_NAME.test(key)) visit(key, String(item));
      else walk(item, visit);
    }
  }
}

/** Keeps the IDs of a request the server accepted and of its answer (the last 20 of each name). */
export function remember(harvest: Harvest, ...texts: Array<string | Buffer | undefined>): void {
  for (const text of texts) {
    if (typeof text !== 'string' || text.length > 100_000) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      continue;
    }
    walk(value, (key, leaf) => {
      const list = harvest.get(normalName(key)) ?? [];
      if (!list.includes(leaf)) list.push(leaf);
      harvest.set(normalName(key), list.slice(-20));
    });
  }
}

/** A harvested ID for a field or parameter of this name, if any: the same name, or one it ends with (`reverseTransactionId`). */
export function recall(harvest: Harvest | undefined, name: string, pick: <T>(list: readonly T[]) => T): string | undefined {
  if (!harvest || !ID_NAME.test(name)) return undefined;
  const wanted = normalName(name);
  const key = harvest.has(wanted) ? wanted : [...harvest.keys()].find((k) => k.length >= 4 && wanted.endsWith(k));
  const list = key === undefined ? undefined : harvest.get(key);
  return list && list.length > 0 ? pick(list) : undefined;
}

/** The body with some of its top-level IDs replaced by harvested ones. */
export function withHarvested(body: unknown, harvest: Harvest | undefined, pick: <T>(list: readonly T[]) => T, chance: () => number): unknown {
  if (!harvest || !body || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => {
      const found = typeof value === 'string' && chance() < 0.5 ? recall(harvest, key, pick) : undefined;
      return [key, found ?? value];
    }),
  );
}
