import { readFileSync } from 'node:fs';
import { parseAccountProgram, type AccountProgram } from './account-program.js';
import { parseRateLimits, type RateLimitTable } from './rate-limit-table.js';

/** A Gameball account: its keys, its settings and (through `id`) its own data. */
export interface Account {
  /** Stable ID that keys the account's rows in storage. */
  id: string;
  name: string;
  apiKey: string;
  secretKey: string;
  /** When true, every operation needs both keys. */
  highSecurityMode: boolean;
  /** Referral links are this URL with `?ReferralCode=<code>` appended. */
  referralBaseUrl: string;
  /** The loyalty program: cashback rule, redemption, return window, expiry, holds, OTP, tiers, campaigns, referrals. */
  program: AccountProgram;
  /**
   * Where this account's webhooks go, as this process knows it: the file's `webhook.url`, unless
   * setWebhookSubscription stored another in the database (loaded at start, after each change
   * through this process and at every run of the webhook sender).
   */
  webhook: { readonly fromFile: string | null; url: string | null };
  /** Requests allowed per resource (Gameball's by default; `false` in the file: no limits). */
  rateLimits: RateLimitTable | false;
}

/** What the accounts file holds. */
export interface AccountsFile {
  accounts: Account[];
  /** Turns on the reference server's own tools (test clock, OTP inbox). Off by default. */
  referenceTools: boolean;
}

export interface AccountDirectory {
  all(): readonly Account[];
  byApiKey(apiKey: string): Account | undefined;
  byId(id: string): Account | undefined;
}

export function accountDirectory(accounts: readonly Account[]): AccountDirectory {
  const byKey = new Map<string, Account>();
  const ids = new Map<string, Account>();
  for (const account of accounts) {
    if (byKey.has(account.apiKey)) throw new Error(`Two accounts share the apiKey of '${account.id}'.`);
    if (ids.has(account.id)) throw new Error(`Two accounts have the id '${account.id}'.`);
    byKey.set(account.apiKey, account);
    ids.set(account.id, account);
  }
  return { all: () => accounts, byApiKey: (apiKey) => byKey.get(apiKey), byId: (id) => ids.get(id) };
}

/** Reads and checks an accounts file; the error names the file and the bad field. */
export function loadAccountsFile(path: string): AccountsFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the accounts file ${path}: ${(error as Error).message}`);
  }
  const list = (parsed as { accounts?: unknown }).accounts;
  if (!Array.isArray(list) || list.length === 0) {
    throw new Error(`${path}: "accounts" must be a non-empty list.`);
  }
  const referenceTools = (parsed as { referenceTools?: unknown }).referenceTools ?? false;
  if (typeof referenceTools !== 'boolean') throw new Error(`${path}: "referenceTools" must be true or false.`);
  return { accounts: list.map((raw, index) => parseAccount(raw, `${path}: accounts[${index}]`)), referenceTools };
}

function parseAccount(raw: unknown, where: string): Account {
  const value = (raw ?? {}) as Record<string, unknown>;
  const text = (name: string, fallback?: string): string => {
    const field = value[name] ?? fallback;
    if (typeof field !== 'string' || field.length === 0) {
      throw new Error(`${where}.${name} must be a non-empty string.`);
    }
    return field;
  };
  const highSecurityMode = value.highSecurityMode ?? false;
  if (typeof highSecurityMode !== 'boolean') {
    throw new Error(`${where}.highSecurityMode must be true or false.`);
  }
  const id = text('id');
  return {
    id,
    name: text('name', id),
    apiKey: text('apiKey'),
    secretKey: text('secretKey'),
    highSecurityMode,
    referralBaseUrl: text('referralBaseUrl', 'https://example.com/register'),
    program: parseAccountProgram(value.program, `${where}.program`),
    webhook: parseWebhook(value.webhook, `${where}.webhook`),
    rateLimits: parseRateLimits(value.rateLimits, `${where}.rateLimits`),
  };
}

/** `"webhook": { "url": "https://...", "version": "v4" }`, optional; v4 is the only version. */
function parseWebhook(raw: unknown, where: string): Account['webhook'] {
  if (raw === undefined || raw === null) return { fromFile: null, url: null };
  const { url = null, version = 'v4' } = raw as { url?: unknown; version?: unknown };
  if (version !== 'v4') throw new Error(`${where}.version must be "v4".`);
  if (url !== null && (typeof url !== 'string' || !/^https?:\/\/./.test(url) || !URL.canParse(url))) {
    throw new Error(`${where}.url must be an http or https URL, or null.`);
  }
  return { fromFile: url, url };
}
