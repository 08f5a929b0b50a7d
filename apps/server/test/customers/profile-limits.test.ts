import { expect, it } from 'vitest';
import { LIMITS } from '../../src/domain/shared/limits.js';
import { demo, describeOnStorages, shop, uid } from '../support/harness.js';

type Answer = { error?: unknown; response: Response };

/** The answer is 422/3011: a limit was passed. */
function expectOverLimit(answer: Answer): void {
  expect([answer.response.status, (answer.error as { code?: number } | undefined)?.code], JSON.stringify(answer.error)).toEqual([422, 3011]);
}

function expectOk(answer: Answer): void {
  expect([answer.response.status, answer.error], JSON.stringify(answer.error)).toEqual([200, undefined]);
}

/** `count` custom attributes `<prefix>0`, `<prefix>1`, ... with the value given. */
function customKeys(count: number, value: string | number = 1, prefix = 'k'): Record<string, string | number> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, value]));
}

/** A string whose JSON text (quotes included) takes exactly `bytes` bytes of UTF-8. */
const jsonOfBytes = (bytes: number) => 'v'.repeat(bytes - 2);

describeOnStorages('limits of a customer profile', (server) => {
  /** Upserts go out with the public key only, as a shop's web page would send them. */
  const pub = () => server().client({ apiKey: demo.apiKey });
  const gb = () => server().client();
  const upsert = (customerId: string, body: Record<string, unknown>) => pub().POST('/customers', { body: { customerId, ...body } });
  /** Everything stored about the customer that a reader can see (both keys), or the error. */
  const stored = async (customerId: string) => {
    const { data, error } = await gb().GET('/customers/{customerId}/details', { params: { path: { customerId } } });
    const { requestId: _, ...failure } = (error ?? {}) as { requestId?: string };
    return data ?? failure;
  };

  it(`keeps custom attributes to ${LIMITS.customAttributeKeys} keys, also over several upserts; null removes one`, async () => {
    const customerId = uid('keys');
    expectOk(await upsert(customerId, { customerAttributes: { custom: customKeys(LIMITS.customAttributeKeys) } }));
    const before = await stored(customerId);
    expectOverLimit(await upsert(customerId, { customerAttributes: { custom: { another: 1 } } }));
    expectOverLimit(await upsert(customerId, { customerAttributes: { city: 'Cairo', custom: { another: 1 } } }));
    expect(await stored(customerId)).toEqual(before);
    // A key set to null is removed, which makes room for another.
    expectOk(await upsert(customerId, { customerAttributes: { custom: { k0: null, another: 1 } } }));
    const custom = ((await stored(customerId)) as { customerAttributes: { custom: Record<string, unknown> } }).customerAttributes.custom;
    expect(Object.keys(custom)).toHaveLength(LIMITS.customAttributeKeys);
    expect(custom).toMatchObject({ another: 1, k1: 1 });
    expect(custom).not.toHaveProperty('k0');
    // Too many keys in one request: the customer is not created.
    const fresh = uid('keys');
    expectOverLimit(await upsert(fresh, { customerAttributes: { custom: customKeys(LIMITS.customAttributeKeys + 1) } }));
    expect(await stored(fresh)).toMatchObject({ code: 7000 });
  });

  it('refuses a new ID that would join a full profile by its email (channel merging), and joins nothing', async () => {
    const person = uid('full');
    const email = `${person}@example.com`;
    const shopPublic = server().client({ apiKey: shop.apiKey });
    expectOk(await shopPublic.POST('/customers', { body: { customerId: person, email, customerAttributes: { custom: customKeys(LIMITS.customAttributeKeys) } } }));
    const joiner = `app_${person}`;
    expectOverLimit(await shopPublic.POST('/customers', { body: { customerId: joiner, email, customerAttributes: { custom: { more: 1 } } } }));
    expect((await server().as(shop).GET('/customers/{customerId}', { params: { path: { customerId: joiner } } })).error).toMatchObject({ code: 7000 });
    expectOk(await shopPublic.POST('/customers', { body: { customerId: joiner, email } }));
    const joined = await server().as(shop).GET('/customers/{customerId}', { params: { path: { customerId: joiner } } });
    const own = await server().as(shop).GET('/customers/{customerId}', { params: { path: { customerId: person } } });
    expect(joined.data!.gameballId).toBe(own.data!.gameballId);
    expect(Object.keys(joined.data!.customerAttributes.custom ?? {})).toHaveLength(LIMITS.customAttributeKeys);
  });

  it(`keeps custom attribute names to ${LIMITS.customAttributeKeyLength} characters and each value to ${LIMITS.customAttributeValueBytes} bytes of JSON`, async () => {
    const customerId = uid('value');
    const longest = 'n'.repeat(LIMITS.customAttributeKeyLength);
    const biggest = jsonOfBytes(LIMITS.customAttributeValueBytes);
    // 'é' takes two bytes: half as many fit.
    const accented = 'é'.repeat((LIMITS.customAttributeValueBytes - 2) / 2);
    expectOk(await upsert(customerId, { customerAttributes: { custom: { [longest]: 'yes', big: biggest, accented } } }));
    const before = await stored(customerId);
    expect(before).toMatchObject({ customerAttributes: { custom: { [longest]: 'yes', big: biggest, accented } } });
    for (const custom of [
      { [`${longest}n`]: 'yes' },
      { big: jsonOfBytes(LIMITS.customAttributeValueBytes + 1) },
      { accented: `${accented}é` },
      { nested: { list: Array.from({ length: 500 }, (_, i) => `item ${i}`) } },
      { huge: 'x'.repeat(900 * 1024) },
    ]) {
      expectOverLimit(await upsert(customerId, { customerAttributes: { custom } }));
    }
    expect(await stored(customerId)).toEqual(before);
  });

  it(`keeps a whole profile to ${LIMITS.profileBytes} bytes, however many upserts build it`, async () => {
    const customerId = uid('total');
    const value = 'x'.repeat(4000);
    const answers: number[] = [];
    let before: unknown;
    for (let call = 0; call < 10; call++) {
      before = await stored(customerId);
      const answer = await upsert(customerId, { customerAttributes: { custom: customKeys(4, value, `c${call}_`) } });
      answers.push(answer.response.status);
      if (answer.error) {
        expectOverLimit(answer);
        break;
      }
    }
    // Three calls of about 16 KB fit; the one that would pass 64 KB is refused and changes nothing.
    expect(answers.slice(0, 3)).toEqual([200, 200, 200]);
    expect(answers.at(-1)).toBe(422);
    expect(answers.length).toBeLessThanOrEqual(5);
    expect(await stored(customerId)).toEqual(before);
    const attributes = (before as { customerAttributes: unknown }).customerAttributes;
    expect(Buffer.byteLength(JSON.stringify(attributes))).toBeLessThan(LIMITS.profileBytes);
    // Tags cannot push it over either.
    const tags = Array.from({ length: 90 }, (_, i) => `${'t'.repeat(90)}${i}`);
    const added = await gb().POST('/customers/{customerId}/tags', { params: { path: { customerId } }, body: { tags } });
    expectOverLimit(added);
    expect(await stored(customerId)).toEqual(before);
  });

  it(`keeps tags to ${LIMITS.tagsPerCustomer} per customer and ${LIMITS.tagLength} characters each, on upserts and tag calls`, async () => {
    const customerId = uid('tags');
    const tags = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `tag${from + i}`);
    const long = 't'.repeat(LIMITS.tagLength);
    expectOk(await upsert(customerId, { customerAttributes: { tags: [...tags(LIMITS.tagsPerCustomer - 1), long] } }));
    const full = await stored(customerId);
    expectOverLimit(await upsert(customerId, { customerAttributes: { tags: tags(LIMITS.tagsPerCustomer + 1) } }));
    expectOverLimit(await upsert(customerId, { customerAttributes: { tags: tags(LIMITS.tagsPerCustomer + 1).join(',') } }));
    expectOverLimit(await upsert(customerId, { customerAttributes: { tags: [`${long}t`] } }));
    expectOverLimit(await upsert(customerId, { customerAttributes: { tags: `vip, ${long}t` } }));
    const path = { customerId };
    expectOverLimit(await gb().POST('/customers/{customerId}/tags', { params: { path }, body: { tags: 'one-more' } }));
    expectOverLimit(await gb().POST('/customers/{customerId}/tags', { params: { path }, body: { tags: [`${long}t`] } }));
    expect(await stored(customerId)).toEqual(full);
    // A tag already there changes nothing; after removing one there is room for one.
    expectOk(await gb().POST('/customers/{customerId}/tags', { params: { path }, body: { tags: 'tag0' } }));
    expectOk(await gb().DELETE('/customers/{customerId}/tags/{tag}', { params: { path: { customerId, tag: 'tag0' } } }));
    expectOk(await gb().POST('/customers/{customerId}/tags', { params: { path }, body: { tags: 'one-more' } }));
    const after = (await stored(customerId)) as { customerAttributes: { tags: string[] } };
    expect(after.customerAttributes.tags).toHaveLength(LIMITS.tagsPerCustomer);
    expect(after.customerAttributes.tags.at(-1)).toBe('one-more');
    // Twenty calls of big tags (the way to an 18 MB profile) are each refused.
    const big = 'b'.repeat(900 * 1024);
    for (let call = 0; call < 20; call++) {
      expectOverLimit(await gb().POST('/customers/{customerId}/tags', { params: { path }, body: { tags: `${big}${call}` } }));
    }
    expect(((await stored(customerId)) as { customerAttributes: { tags: string[] } }).customerAttributes.tags).toEqual(after.customerAttributes.tags);
  });

  it('keeps texts, lists, emails, mobiles and referral codes of a profile to their lengths', async () => {
    const customerId = uid('texts');
    const text = 'a'.repeat(LIMITS.profileTextLength);
    const email = `${'e'.repeat(LIMITS.emailLength - 12)}@example.com`;
    const mobile = '1'.repeat(LIMITS.mobileLength);
    const items = Array.from({ length: LIMITS.profileListItems }, (_, i) => `card${i}`);
    expectOk(
      await upsert(customerId, {
        email,
        mobile,
        referrerCode: 'c'.repeat(LIMITS.referralCodeLength), // no customer's code: ignored
        customerAttributes: { displayName: text, city: text, email, mobile, paymentMethods: items, devices: items },
      }),
    );
    const before = await stored(customerId);
    expect(before).toMatchObject({ customerAttributes: { displayName: text, city: text, email, mobile, paymentMethods: items } });
    for (const body of [
      { customerAttributes: { displayName: `${text}a` } },
      { customerAttributes: { source: `${text}a` } },
      { customerAttributes: { dateOfBirth: `${text}a` } },
      { email: `e${email}` },
      { customerAttributes: { email: `e${email}` } },
      { mobile: `${mobile}1` },
      { customerAttributes: { mobile: `${mobile}1` } },
      { referrerCode: 'c'.repeat(LIMITS.referralCodeLength + 1) },
      { deviceToken: 'd'.repeat(LIMITS.deviceTokenLength + 1) },
      { customerAttributes: { paymentMethods: [...items, 'one more'] } },
      { customerAttributes: { devices: [...items, 'one more'] } },
      { customerAttributes: { utms: [...items, 'one more'] } },
    ]) {
      expectOverLimit(await upsert(customerId, body));
    }
    expect(await stored(customerId)).toEqual(before);
    const unknownCode = await pub().GET('/referrals/validate', { params: { query: { referrerCode: 'c'.repeat(LIMITS.referralCodeLength + 1) } } });
    expectOverLimit(unknownCode);
  });
});
