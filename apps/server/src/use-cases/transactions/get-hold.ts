import type { components } from '@gameball-open/server-types';
import { findHold } from '../../domain/points/holds.js';
import { parseDecimal, toNumber } from '../../domain/shared/decimal.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';

type Schemas = components['schemas'];

/** GET /transactions/hold/{holdReferenceId}: a hold as of the clock; an open hold past its time reads as expired. */
export async function getHold({ store, account, clock }: Scope, reference: string): Promise<Schemas['HoldState']> {
  const hold = await findHold(store, account.id, reference);
  if (!hold) throw errors.holdNotFound(reference);
  const expired = hold.state === 'active' && hold.expires_at <= clock.now().toISOString();
  return {
    customerId: hold.customer_id,
    holdAmount: toNumber(parseDecimal(hold.amount)),
    holdEquivalentPoints: Number(hold.points),
    state: (expired ? 'expired' : hold.state) as Schemas['HoldState']['state'],
    dateToExpire: hold.expires_at,
  };
}
