import { nowIso, uid, type TestServer } from '../support/harness.js';

/** Two services: power (80 + 4 tax - 10 discount = 74) and topup (40): 114 paid. */
export const SERVICES = [
  { serviceId: 'power', amount: 80, tax: 4, discount: 10 }, // net 74
  { serviceId: 'topup', amount: 40 }, // net 40
];

/** POST /payments on the demo account with the two services and a fresh paymentId, unless the body says otherwise. */
export function payWith(server: () => TestServer) {
  return (body: Record<string, unknown> & { customerId: string }) =>
    server().client().POST('/payments', { body: { paymentId: uid('pay'), paymentDate: nowIso(), totalPaid: 114, paymentDetails: SERVICES, ...body } });
}
