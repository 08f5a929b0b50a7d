import { expect, it } from 'vitest';
import { describeOnStorages } from '../support/harness.js';

describeOnStorages('clearing the injected faults', (server) => {
  it('answers 204 and the account runs normally again; clearing twice is fine', async () => {
    const gb = server().client();
    await gb.PUT('/_reference/faults', { body: { faults: [{ status: 503 }] } });
    expect((await gb.GET('/configurations/widget')).response.status).toBe(503);
    const cleared = await gb.DELETE('/_reference/faults');
    expect(cleared.response.status).toBe(204);
    expect(await cleared.response.text()).toBe('');
    expect((await gb.GET('/configurations/widget')).response.status).toBe(200);
    expect((await gb.GET('/_reference/faults')).data).toEqual({ faults: [] });
    expect((await gb.DELETE('/_reference/faults')).response.status).toBe(204);
  });
});
