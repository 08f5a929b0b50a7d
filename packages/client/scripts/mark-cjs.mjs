// dist/cjs holds the CommonJS build inside a "type": "module" package: this package.json makes
// Node (and TypeScript, for the .d.ts files beside it) read the folder as CommonJS.
import { writeFileSync } from 'node:fs';

writeFileSync(new URL('../dist/cjs/package.json', import.meta.url), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
