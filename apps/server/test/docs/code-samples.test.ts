import { afterAll, describe, expect, it } from 'vitest';
import { serverForTests } from '../support/harness.js';
import { runTypescript, SAMPLE_ORIGIN, sampleFolder, samples, typeCheck, type Outcome, type Sample } from './code-samples.js';
import { parseCurl, runCurl } from './curl-samples.js';

const all = samples();
const folder = sampleFolder();
afterAll(() => folder.cleanup());

/**
 * A reader's order on a fresh server: create the example customer, earn, then the rest as the
 * spec lists it, and last what ends something (opting the customer out, deleting it, emptying the account).
 */
const FIRST = ['createCustomer', 'createManualTransaction', 'rewardCashback', 'trackOrder', 'trackPayment', 'trackEvents'];
const LAST = ['setCustomerActive', 'deleteCustomer', 'deleteCustomerByPost', 'resetAccount'];

function inReadingOrder(list: Sample[]): Sample[] {
  const rank = (sample: Sample) => {
    const first = FIRST.indexOf(sample.operationId);
    const last = LAST.indexOf(sample.operationId);
    return first >= 0 ? first - FIRST.length : last >= 0 ? 1 + last : 0;
  };
  return [...list].sort((a, b) => rank(a) - rank(b));
}

/**
 * The samples that cannot succeed on a fresh server with the demo account, with their code:
 * each names something that cannot exist there.
 */
const REFUSED_ON_A_FRESH_SERVER: Record<string, number> = {
  // The earning samples give cust_12345abc 105 points and the redeem sample spends 100 of them.
  holdPoints: 9008,
  // A hold reference is made by the server; the examples' one is made up.
  getHold: 9006,
  releaseHold: 9006,
  // The demo account does not use one-time passwords, so none was sent either.
  sendOtp: 8000,
  getLatestOtp: 4004,
  // The demo account runs no referral program and no campaigns; 102 and 106 are another program's.
  getReferralConfiguration: 4004,
  awardSocialChallenge: 4004,
  getCustomerStamps: 4004,
  getCustomerStreak: 4004,
  // By then the redeem and hold samples have spent the example customer's points.
  generateCoupon: 9008,
  // Coupon codes, lock references and batch ids are made by the server; the examples' ones are made up.
  burnCoupons: 4004,
  releaseCoupons: 4004,
  getBatchStatus: 4004,
  stopBatch: 4004,
  // Both delete the example customer; the first one did.
  deleteCustomerByPost: 7000,
  // The example's delivery 42 is not among the few a fresh server has queued by then.
  resendWebhookDelivery: 4004,
};

/** Checks the answer to each sample: never a 5xx, always a documented status, 2xx but for the refusals above. */
function checkAll(ordered: Sample[], outcomes: Outcome[]): void {
  expect(outcomes.length).toBe(ordered.length);
  const refused: Record<string, number | undefined> = {};
  let succeeded = 0;
  for (const [index, sample] of ordered.entries()) {
    const outcome = outcomes[index]!;
    const where = `${sample.operationId} answered ${outcome.status}: ${outcome.text.slice(0, 300)}`;
    expect(outcome.status, where).toBeLessThan(500);
    expect(sample.statuses, where).toContain(String(outcome.status));
    if (outcome.status >= 300) refused[sample.operationId] = outcome.code;
    else succeeded++;
  }
  expect(refused).toEqual(REFUSED_ON_A_FRESH_SERVER);
  expect(succeeded).toBe(all.length - Object.keys(REFUSED_ON_A_FRESH_SERVER).length);
}

describe('the code samples of the docs', () => {
  it('exist for every operation, in curl and TypeScript, with the secret key only where its security asks for it', () => {
    expect(all.length).toBeGreaterThanOrEqual(59);
    for (const sample of all) {
      const where = `${sample.method} ${sample.path} (${sample.operationId})`;
      expect(sample.curl, where).toContain(SAMPLE_ORIGIN);
      expect(sample.typescript, where).toContain(SAMPLE_ORIGIN);
      const curl = parseCurl(sample.curl);
      expect(curl.method, where).toBe(sample.method);
      const template = new RegExp(`^${SAMPLE_ORIGIN}/api/v4/integrations${sample.path.replace(/\{[^}]+\}/g, '[^/?]+')}(\\?|$)`);
      expect(curl.url, where).toMatch(template);
      expect(curl.headers.apikey, where).toBe('demo_apikey');
      expect(curl.headers.secretkey, where).toBe(sample.needsSecret ? 'demo_secretkey' : undefined);
      expect(sample.typescript, where).toContain(`await gameball.${sample.method}('${sample.path}'`);
      expect(sample.typescript.includes("secretKey: 'demo_secretkey'"), where).toBe(sample.needsSecret);
    }
  });

  it('in TypeScript compile against the client types', () => {
    expect(typeCheck(folder.dir, all)).toEqual([]);
  }, 300_000);
});

describe('the curl samples, run on a fresh server', () => {
  const server = serverForTests('sqlite');

  it('succeed in reading order, but for those naming what cannot exist there', async () => {
    const ordered = inReadingOrder(all);
    const outcomes: Outcome[] = [];
    for (const sample of ordered) outcomes.push(await runCurl(sample, server().origin));
    checkAll(ordered, outcomes);
  }, 300_000);
});

describe('the TypeScript samples, run with node on a fresh server', () => {
  const server = serverForTests('sqlite');

  it('succeed in reading order, but for those naming what cannot exist there', async () => {
    const ordered = inReadingOrder(all);
    checkAll(ordered, await runTypescript(ordered, server().origin, folder.dir));
  }, 300_000);
});
