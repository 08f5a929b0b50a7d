import type { components } from '@gameball-open/server-types';
import { closeHold, findHold } from '../../domain/points/holds.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { withCustomer } from '../with-customer.js';

/** DELETE /transactions/hold/{holdReferenceId}: gives a hold's points back at once; only an open hold can be released. */
export async function releaseHold(scope: Scope, reference: string): Promise<components['schemas']['SuccessMessage']> {
  const found = await findHold(scope.store, scope.account.id, reference);
  if (!found) throw errors.holdNotFound(reference);
  await withCustomer(scope, { customerPk: found.customer_pk }, null, async (unit) => {
    const hold = await findHold(unit.q, scope.account.id, reference);
    if (!hold || hold.state !== 'active' || !(await closeHold(unit, hold, 'released'))) throw errors.holdNotFound(reference);
  });
  return { success: true, message: 'The hold was released.' };
}
