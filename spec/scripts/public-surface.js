// The public surface of the bundled spec, as a client sees it: every operation (method and
// path), the fields and parameters of its request (with whether each is required, its types and
// enum values) and the fields of its answers, and the same for each webhook the server sends.
// `breakingChanges(baseline, current)` names what a client built on the baseline would trip on.

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Follows local `$ref`s until a value that is not one. */
function deref(spec, node) {
  let out = node;
  const seen = new Set();
  while (out && typeof out.$ref === 'string') {
    if (seen.has(out.$ref)) throw new Error(`a $ref loop at ${out.$ref}`);
    seen.add(out.$ref);
    out = out.$ref.slice(2).split('/').reduce((at, key) => at?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], spec);
  }
  return out ?? {};
}

const typesOf = (schema) => (schema.type === undefined ? [] : [schema.type].flat().sort());

/**
 * Every field under `schema`, keyed by a dotted path (`lineItems[].price`): its types, its enum
 * values and whether its object requires it. Compositions (allOf, oneOf, anyOf) contribute the
 * fields of every branch; a schema met again further down (a recursive JSON value) stops there.
 */
function fieldsOf(spec, schemaNode, prefix, into, refs = new Set()) {
  if (schemaNode?.$ref) {
    if (refs.has(schemaNode.$ref)) return;
    refs = new Set(refs).add(schemaNode.$ref);
  }
  const schema = deref(spec, schemaNode);
  for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) fieldsOf(spec, part, prefix, into, refs);
  if (schema.items) fieldsOf(spec, schema.items, `${prefix}[]`, into, refs);
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    const resolved = deref(spec, property);
    const field = (into[path] ??= { types: [], required: false });
    field.types = [...new Set([...field.types, ...typesOf(resolved)])].sort();
    if (required.has(name)) field.required = true;
    if (Array.isArray(resolved.enum)) field.enum = [...new Set([...(field.enum ?? []), ...resolved.enum.map(String)])].sort();
    fieldsOf(spec, property, path, into, refs);
  }
}

function bodyFields(spec, content, prefix) {
  const fields = {};
  for (const [type, media] of Object.entries(content ?? {})) if (/json/.test(type) && media.schema) fieldsOf(spec, media.schema, prefix, fields);
  return fields;
}

function operationSurface(spec, path, method, operation, shared) {
  const request = {};
  for (const node of [...shared, ...(operation.parameters ?? [])]) {
    const p = deref(spec, node);
    const schema = deref(spec, p.schema ?? {});
    request[`${p.in}:${p.name}`] = { types: typesOf(schema), required: p.required === true, ...(Array.isArray(schema.enum) ? { enum: schema.enum.map(String).sort() } : {}) };
  }
  const body = deref(spec, operation.requestBody ?? {});
  if (body.content) {
    request.body = { types: ['object'], required: body.required === true };
    Object.assign(request, bodyFields(spec, body.content, 'body'));
  }
  const response = {};
  for (const [status, node] of Object.entries(operation.responses ?? {})) {
    if (!/^2/.test(status)) continue;
    Object.assign(response, bodyFields(spec, deref(spec, node).content, status));
  }
  return { method: method.toUpperCase(), path, request, response };
}

/** The surface of a parsed bundled spec; plain JSON, with keys sorted, so it diffs well. */
export function publicSurface(spec) {
  const operations = {};
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      if (item[method]) operations[item[method].operationId] = operationSurface(spec, path, method, item[method], item.parameters ?? []);
    }
  }
  // A webhook's body is what the server sends: to its receiver it is an answer.
  for (const [name, item] of Object.entries(spec.webhooks ?? {})) {
    for (const method of METHODS) {
      if (!item[method]) continue;
      const surface = operationSurface(spec, `webhook ${name}`, method, item[method], item.parameters ?? []);
      operations[item[method].operationId] = { method: surface.method, path: surface.path, request: {}, response: bodyFields(spec, deref(spec, item[method].requestBody ?? {}).content, 'body') };
    }
  }
  return sortKeys({ operations });
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys(value[key])]));
}

const parentOf = (path) => path.replace(/(\[\])?\.[^.]+$|\[\]$/, '');

/** What a client of `baseline` would trip on in `current`: a list of sentences, empty when none. */
export function breakingChanges(baseline, current) {
  const found = [];
  for (const [id, before] of Object.entries(baseline.operations)) {
    const after = current.operations[id];
    if (!after) {
      found.push(`${id}: the operation was removed`);
      continue;
    }
    if (after.method !== before.method || after.path !== before.path) found.push(`${id}: moved from ${before.method} ${before.path} to ${after.method} ${after.path}`);
    for (const [name, field] of Object.entries(before.request)) {
      const now = after.request[name];
      if (!now) found.push(`${id}: the request field ${name} was removed`);
      else {
        if (now.required && !field.required) found.push(`${id}: the request field ${name} became required`);
        const lost = (field.enum ?? []).filter((v) => now.enum && !now.enum.includes(v));
        if (lost.length > 0) found.push(`${id}: ${name} no longer accepts ${lost.join(', ')}`);
        const narrowed = field.types.filter((t) => now.types.length > 0 && !now.types.includes(t));
        if (narrowed.length > 0) found.push(`${id}: ${name} no longer accepts the type ${narrowed.join(', ')}`);
      }
    }
    for (const [name, field] of Object.entries(after.request)) {
      if (before.request[name] || !field.required) continue;
      // A required field inside an object that is itself new (and optional) asks nothing of old clients.
      const parent = parentOf(name);
      if (!name.includes('.') || before.request[parent]) found.push(`${id}: a new required request field ${name}`);
    }
    for (const [name, field] of Object.entries(before.response)) {
      const now = after.response[name];
      if (!now) found.push(`${id}: the answer field ${name} was removed`);
      else {
        const lost = (field.enum ?? []).filter((v) => now.enum && !now.enum.includes(v));
        if (lost.length > 0) found.push(`${id}: the answer's ${name} lost the enum values ${lost.join(', ')}`);
        const widened = now.types.filter((t) => field.types.length > 0 && !field.types.includes(t));
        if (widened.length > 0) found.push(`${id}: the answer's ${name} may now be ${widened.join(', ')}`);
      }
    }
  }
  return found;
}
