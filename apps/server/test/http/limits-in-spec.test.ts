import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { specPath } from '@gameball-open/spec';
import { LIMITS } from '../../src/domain/shared/limits.js';
import { readSpec } from '../../src/http/spec-routes.js';

type Schema = Record<string, unknown>;
const spec = readSpec(specPath) as unknown as Schema;

/** The node at a '/'-separated path of the bundled spec, following $refs on the way. */
function at(path: string): Schema {
  let node: unknown = spec;
  for (const part of path.split('/')) {
    node = resolve(node as Schema)[part.replaceAll('~1', '/')];
    if (node === undefined) throw new Error(`${path}: nothing at ${part}`);
  }
  return resolve(node as Schema);
}

function resolve(node: Schema): Schema {
  let current = node;
  while (typeof current.$ref === 'string') current = at(current.$ref.replace(/^#\//, ''));
  return current;
}

const schema = (name: string) => `components/schemas/${name}`;
const TEXT_ATTRIBUTES = ['displayName', 'firstName', 'lastName', 'gender', 'dateOfBirth', 'joinDate', 'country', 'city', 'zip', 'preferredLanguage', 'source', 'lastOrderDate', 'channel'];
const LIST_ATTRIBUTES = ['utms', 'utMs', 'devices', 'paymentMethods'];

/** Where the spec states each limit: [path, keyword, the figure of domain/shared/limits.ts]. */
const STATED: Array<[string, 'maxLength' | 'maxItems' | 'maxProperties', number]> = [
  [schema('CustomAttributes'), 'maxProperties', LIMITS.customAttributeKeys],
  [`${schema('CustomAttributes')}/propertyNames`, 'maxLength', LIMITS.customAttributeKeyLength],
  [schema('Tags'), 'maxItems', LIMITS.tagsPerCustomer],
  [schema('Tags'), 'maxLength', LIMITS.tagsTextLength],
  [`${schema('Tags')}/items`, 'maxLength', LIMITS.tagLength],
  ...TEXT_ATTRIBUTES.map((name): [string, 'maxLength', number] => [`${schema('CustomerAttributesInput')}/properties/${name}`, 'maxLength', LIMITS.profileTextLength]),
  ...LIST_ATTRIBUTES.map((name): [string, 'maxItems', number] => [`${schema('CustomerAttributesInput')}/properties/${name}`, 'maxItems', LIMITS.profileListItems]),
  [`${schema('CustomerAttributesInput')}/properties/paymentMethods/items`, 'maxLength', LIMITS.profileTextLength],
  [schema('Email'), 'maxLength', LIMITS.emailLength],
  [schema('Mobile'), 'maxLength', LIMITS.mobileLength],
  [`${schema('CustomerUpsert')}/properties/deviceToken`, 'maxLength', LIMITS.deviceTokenLength],
  [`${schema('CustomerUpsert')}/properties/osType`, 'maxLength', LIMITS.profileTextLength],
  [`${schema('CustomerUpsert')}/properties/referrerCode`, 'maxLength', LIMITS.referralCodeLength],
  ['paths/~1referrals~1validate/get/parameters/0/schema', 'maxLength', LIMITS.referralCodeLength],
  ...['uniqueId', 'name', 'branch/properties/uniqueId', 'branch/properties/name'].map((field): [string, 'maxLength', number] => [
    `${schema('Merchant')}/properties/${field}`,
    'maxLength',
    LIMITS.merchantTextLength,
  ]),
  [`${schema('EventsRequest')}/properties/events`, 'maxProperties', LIMITS.eventsPerCall],
  [`${schema('EventsRequest')}/properties/events/propertyNames`, 'maxLength', LIMITS.eventNameLength],
  [schema('EventMetadata'), 'maxProperties', LIMITS.metadataKeys],
  [`${schema('EventMetadata')}/propertyNames`, 'maxLength', LIMITS.metadataKeyLength],
  [`${schema('EventMetadata')}/additionalProperties`, 'maxLength', LIMITS.metadataTextLength],
  [`${schema('EventMetadata')}/additionalProperties`, 'maxItems', LIMITS.metadataListItems],
  [`${schema('EventMetadata')}/additionalProperties/items`, 'maxLength', LIMITS.metadataTextLength],
  ...['OrderRequest', 'OrderCashbackRequest', 'OrderRewardPreviewRequest'].map((name): [string, 'maxItems', number] => [
    `${schema(name)}/properties/lineItems`,
    'maxItems',
    LIMITS.lineItemsPerOrder,
  ]),
  ...['PaymentRequest', 'PaymentCashbackRequest'].map((name): [string, 'maxItems', number] => [
    `${schema(name)}/properties/paymentDetails`,
    'maxItems',
    LIMITS.lineItemsPerOrder,
  ]),
];

/** Free-form values of the caller's own (custom attributes, utms, devices): bounded by their size as JSON, not by keywords. */
const FREE_FORM = new Set(['#/components/schemas/JsonValue', '#/components/schemas/JsonItem']);

/** Every text, list and open object under a schema that states no limit, as paths. */
function unbounded(node: Schema, path: string, out: string[] = []): string[] {
  if (typeof node.$ref === 'string' && FREE_FORM.has(node.$ref)) return out;
  const s = resolve(node);
  const types = ([] as unknown[]).concat(s.type ?? []);
  if (types.includes('string') && s.maxLength === undefined && s.enum === undefined && s.format === undefined) out.push(`${path} (text)`);
  if (types.includes('array') && s.maxItems === undefined) out.push(`${path} (list)`);
  if (types.includes('object') && s.additionalProperties !== undefined && s.additionalProperties !== false && s.maxProperties === undefined) out.push(`${path} (object)`);
  for (const [key, child] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) unbounded(child, `${path}.${key}`, out);
  if (s.items && typeof s.items === 'object') unbounded(s.items as Schema, `${path}[]`, out);
  if (s.additionalProperties && typeof s.additionalProperties === 'object') unbounded(s.additionalProperties as Schema, `${path}.*`, out);
  return out;
}

const readme = readFileSync(fileURLToPath(new URL('../../../../README.md', import.meta.url)), 'utf8');

describe('the limits of what a caller can grow', () => {
  it.each(STATED)('are stated in the spec: %s has %s %d', (path, keyword, limit) => {
    expect(at(path)[keyword]).toBe(limit);
  });

  it('leave nothing a public-key caller stores about a customer without a limit', () => {
    const bodies = ['CustomerUpsert', 'TagsRequest', 'EventsRequest'];
    expect(bodies.flatMap((name) => unbounded(at(schema(name)), name))).toEqual([]);
  });

  it('are stated in the prose of the spec and in the README, with the body limit of the JSON reader', () => {
    const description = at('info').description as string;
    expect(LIMITS.bodyBytes).toBe(1024 * 1024);
    const phrases = [
      '1 MiB',
      `nested at most ${LIMITS.jsonDepth} levels`,
      `${LIMITS.customAttributeKeys} custom attributes`,
      `${LIMITS.customAttributeValueBytes / 1024} KB`,
      `${LIMITS.tagsPerCustomer} tags of ${LIMITS.tagLength} characters`,
      `texts of ${LIMITS.profileTextLength} characters`,
      `emails of ${LIMITS.emailLength}`,
      `mobiles of ${LIMITS.mobileLength}`,
      `${LIMITS.profileBytes / 1024} KB`,
      `${LIMITS.eventsPerCall} per call`,
      `${LIMITS.metadataKeys} keys of ${LIMITS.metadataKeyLength} characters`,
      `${LIMITS.lineItemsPerOrder.toLocaleString('en')} lines`,
    ];
    for (const phrase of phrases) {
      expect(description, phrase).toContain(phrase);
      expect(readme, phrase).toContain(phrase);
    }
  });
});
