import { expect, it } from 'vitest';
import { describeOnStorages } from '../support/harness.js';

describeOnStorages('the test clock', (server) => {
  it("answers the server's time and how far the clock was moved", async () => {
    const gb = server().client();
    const before = Date.now();
    const first = (await gb.GET('/_reference/clock')).data!;
    const offset = first.offsetSeconds;
    expect(Date.parse(first.now)).toBeGreaterThanOrEqual(before + offset * 1000 - 5);
    expect(Date.parse(first.now)).toBeLessThanOrEqual(Date.now() + offset * 1000 + 5);
    await gb.POST('/_reference/clock', { body: { advanceSeconds: 3600 } });
    const second = (await gb.GET('/_reference/clock')).data!;
    expect(second.offsetSeconds).toBe(offset + 3600);
    expect(Date.parse(second.now) - Date.parse(first.now)).toBeGreaterThanOrEqual(3600 * 1000);
  });
});
