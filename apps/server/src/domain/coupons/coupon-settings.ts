import type { components } from '@gameball-open/server-types';
import { sql, type Queryable } from '../../store/sql.js';
import type { CouponProgram, CouponSettings } from './coupon-program.js';

type Schemas = components['schemas'];
type EngineConfiguration = Schemas['CouponEngineConfiguration'];

interface SettingsAccount {
  id: string;
  program: Pick<CouponProgram, 'couponSettings'>;
}

const READ = sql('SELECT rewards, engine FROM coupon_settings WHERE account_id = ?');
const ENSURE = sql('INSERT INTO coupon_settings (account_id, updated_at) VALUES (?, ?) ON CONFLICT (account_id) DO NOTHING');
const LOCK = sql('SELECT rewards, engine FROM coupon_settings WHERE account_id = ? FOR UPDATE');
const SET_REWARDS = sql('UPDATE coupon_settings SET rewards = ?, updated_at = ? WHERE account_id = ?');
const SET_ENGINE = sql('UPDATE coupon_settings SET engine = ?, updated_at = ? WHERE account_id = ?');

interface Stored {
  rewards: string | null;
  engine: string | null;
}

/** The account's coupon settings: the accounts file's, with the fields an update changed. */
export async function couponSettings(q: Queryable, account: SettingsAccount): Promise<CouponSettings> {
  const row = await q.get<Stored>(READ, [account.id]);
  return { ...account.program.couponSettings, ...(row?.rewards ? (JSON.parse(row.rewards) as Partial<CouponSettings>) : {}) };
}

/** Changes the fields given (null clears a limit), in the caller's transaction; the others keep their value. */
export async function changeCouponSettings(tx: Queryable, accountId: string, change: Partial<CouponSettings>, now: string): Promise<void> {
  await tx.run(ENSURE, [accountId, now]);
  const row = await tx.get<Stored>(LOCK, [accountId]);
  const stored = row?.rewards ? (JSON.parse(row.rewards) as Partial<CouponSettings>) : {};
  await tx.run(SET_REWARDS, [JSON.stringify({ ...stored, ...change }), now, accountId]);
}

/** The settings as getCouponRewardsConfiguration shows them: an unset limit is left out. */
export function couponSettingsView(settings: CouponSettings): Schemas['CouponRewardsConfiguration'] {
  return {
    enabled: settings.enabled,
    ...(settings.maximumCoupons === null ? {} : { maximumCoupons: settings.maximumCoupons }),
    couponTypes: settings.couponTypes,
    expirationSettings: {
      ...(settings.defaultExpiryDays === null ? {} : { defaultExpiryDays: settings.defaultExpiryDays }),
      ...(settings.maxExpiryDays === null ? {} : { maxExpiryDays: settings.maxExpiryDays }),
    },
  };
}

const ENGINE_DEFAULTS: EngineConfiguration = {
  queryParams: [],
  headers: [],
  couponMapping: {},
  enableFreeProduct: true,
  enableFixedRate: true,
  enableFreeShipping: true,
  enablePercentage: true,
  platforms: [],
};

/** The coupon engine settings last stored, or the defaults. */
export async function couponEngine(q: Queryable, accountId: string): Promise<EngineConfiguration> {
  const row = await q.get<Stored>(READ, [accountId]);
  return row?.engine ? (JSON.parse(row.engine) as EngineConfiguration) : ENGINE_DEFAULTS;
}

/** Replaces the coupon engine settings: a field left out takes its default. Answers them as stored. */
export async function replaceCouponEngine(tx: Queryable, accountId: string, input: Schemas['CouponEngineConfigurationUpdate'], now: string): Promise<EngineConfiguration> {
  const mapping = Object.fromEntries(Object.entries(input.couponMapping ?? {}).filter(([, name]) => typeof name === 'string'));
  const stored: EngineConfiguration = {
    url: input.url,
    method: input.method,
    queryParams: input.queryParams ?? [],
    headers: input.headers ?? [],
    ...(typeof input.payload === 'string' ? { payload: input.payload } : {}),
    couponMapping: mapping,
    enableFreeProduct: input.enableFreeProduct ?? true,
    enableFixedRate: input.enableFixedRate ?? true,
    enableFreeShipping: input.enableFreeShipping ?? true,
    enablePercentage: input.enablePercentage ?? true,
    platforms: input.platforms ?? [],
  };
  await tx.run(ENSURE, [accountId, now]);
  await tx.run(SET_ENGINE, [JSON.stringify(stored), now, accountId]);
  return stored;
}
