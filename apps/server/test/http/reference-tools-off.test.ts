import { describe, expect, it } from 'vitest';
import { withToolsOffServer } from '../support/tools-off-server.js';

describe('a server with its reference tools off', () => {
  it('answers 404/4004 on the test clock, the OTP inbox and the reset', async () => {
    await withToolsOffServer(async (gb) => {
      const clock = await gb.POST('/_reference/clock', { body: { advanceSeconds: 60 } });
      expect(clock.response.status).toBe(404);
      expect(clock.error?.code).toBe(4004);
      const otp = await gb.GET('/_reference/customers/{customerId}/otp', { params: { path: { customerId: 'x' } } });
      expect(otp.error?.code).toBe(4004);
      const reset = await gb.POST('/_reference/reset', {});
      expect([reset.response.status, reset.error?.code]).toEqual([404, 4004]);
      const faults = await gb.PUT('/_reference/faults', { body: { faults: [{ status: 503 }] } });
      expect(faults.response.status).toBe(404);
      expect(faults.error?.code).toBe(4004);
      expect((await gb.GET('/configurations/widget')).response.status).toBe(200);
    });
  });
});
