// Runs after `redocly bundle` (see package.json): writes each operation's `x-codeSamples`,
// made from its examples by code-samples.js, into the bundled spec, so the docs, the server's
// /openapi.yaml and every operation added later carry them without anyone writing them.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseDocument, Scalar } from 'yaml';
import { codeSamples, sampleRequests } from './code-samples.js';

const file = process.argv[2];
if (!file) throw new Error('usage: node scripts/add-code-samples.js <bundled spec>');

const document = parseDocument(readFileSync(file, 'utf8'));
const requests = sampleRequests(document.toJS());
for (const request of requests) {
  const node = document.createNode(codeSamples(request));
  for (const sample of node.items) sample.get('source', true).type = Scalar.BLOCK_LITERAL;
  document.setIn(['paths', request.path, request.method, 'x-codeSamples'], node);
}
writeFileSync(file, document.toString({ lineWidth: 0 }));
console.log(`code samples for ${requests.length} operations written to ${file}`);
