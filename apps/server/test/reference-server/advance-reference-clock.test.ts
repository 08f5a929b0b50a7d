import { describe, expect, it } from 'vitest';
import { serverForTests } from '../support/harness.js';

describe('program configuration, customer view and the test clock', () => {
  const server = serverForTests('sqlite');

  it('moves the clock forward only, by seconds or to an instant', async () => {
    const gb = server().client();
    const before = (await gb.GET('/_reference/clock')).data!;
    const later = await gb.POST('/_reference/clock', { body: { advanceSeconds: 3600 } });
    expect(later.data!.offsetSeconds).toBe(before.offsetSeconds + 3600);
    const target = new Date(Date.parse(later.data!.now) + 86_400_000).toISOString();
    const moved = await gb.POST('/_reference/clock', { body: { to: target } });
    expect(Date.parse(moved.data!.now)).toBeGreaterThanOrEqual(Date.parse(target));
    const back = await gb.POST('/_reference/clock', { body: { to: before.now } });
    expect(back.error?.code).toBe(3003);
    const both = await gb.POST('/_reference/clock', { body: { advanceSeconds: 1, to: target } });
    expect(both.error?.code).toBe(3003);
  });

  it('stops the test clock at the year 9000 with 422/3003, so every stored date keeps four digits', async () => {
    const gb = server().client();
    const far = await gb.POST('/_reference/clock', { body: { to: '9000-01-01T00:00:01Z' } });
    expect(far.error).toMatchObject({ code: 3003 });
    for (let n = 0; n < 3; n++) expect((await gb.POST('/_reference/clock', { body: { advanceSeconds: 3_153_600_000 } })).response.status).toBe(200);
    expect((await gb.GET('/_reference/clock')).data?.now).toMatch(/^2[0-9]{3}-/);
  });
});
