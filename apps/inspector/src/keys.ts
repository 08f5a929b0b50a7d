/** The account's keys, entered once per browser tab and kept in sessionStorage (gone when the tab closes). */
export interface Keys {
  apiKey: string;
  secretKey: string;
}

const STORAGE_KEY = 'gameball-inspector-keys';

export function savedKeys(): Keys | undefined {
  const text = sessionStorage.getItem(STORAGE_KEY);
  if (!text) return undefined;
  const parsed = JSON.parse(text) as Partial<Keys>;
  return parsed.apiKey && parsed.secretKey ? { apiKey: parsed.apiKey, secretKey: parsed.secretKey } : undefined;
}

export function saveKeys(keys: Keys): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(keys));
}

export function forgetKeys(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
