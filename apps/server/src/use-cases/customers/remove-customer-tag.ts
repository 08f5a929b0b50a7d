import type { components } from '@gameball-open/server-types';
import type { Scope } from '../../scope.js';
import { removeCustomerTags } from './remove-customer-tags.js';

/** DELETE /customers/{customerId}/tags/{tag}: removes one tag. */
export function removeCustomerTag(scope: Scope, customerId: string, tag: string): Promise<components['schemas']['SuccessMessage']> {
  return removeCustomerTags(scope, customerId, [tag]);
}
