import { climb, type TestServer } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

/** The climb account's notifications (read with the public key), for the notification tests. */
export function notificationsApi(server: () => TestServer) {
  const gb = () => server().as(climb);
  const keyOnly = () => server().client({ apiKey: climb.apiKey });
  return {
    gb,
    keyOnly,
    list(customerId: string, query: { startAfter?: number; limit?: number; isRead?: boolean; lang?: string } = {}) {
      return keyOnly().GET('/customers/{customerId}/notifications', { params: { path: { customerId }, query } });
    },
    count(customerId: string, isRead?: boolean) {
      return keyOnly().GET('/customers/{customerId}/notifications/count', { params: { path: { customerId }, query: isRead === undefined ? {} : { isRead } } });
    },
    /** A customer who has entered Silver, Gold and Platinum: three notifications. */
    async climber(): Promise<string> {
      const api = pointsApi(gb());
      const customerId = await api.customer();
      await api.manual(customerId, 1000);
      return customerId;
    },
  };
}
