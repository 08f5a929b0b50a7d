// Builds the API reference into dist/index.html with the Redoc scripts inlined, so the page
// renders with no network at all (the default page would load Redoc from a CDN).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { specPath } from '@gameball-open/spec';

const require = createRequire(import.meta.url);
const redocly = require.resolve('@redocly/cli/bin/cli.js');
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const out = `${dist}index.html`;
const configPath = fileURLToPath(new URL('../../../redocly.yaml', import.meta.url));

mkdirSync(dist, { recursive: true });
execFileSync(
  process.execPath,
  [
    redocly,
    'build-docs',
    specPath,
    '--inlineBundle',
    '--config',
    configPath,
    '--title',
    'Gameball v4 API (open reference)',
    '-o',
    out,
  ],
  { stdio: 'inherit' },
);
// The sidebar's attribution logo is an image on Redocly's CDN; point it nowhere, so the page
// makes no request at all (the image then hides itself).
const page = readFileSync(out, 'utf8').replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g, 'data:,');
writeFileSync(out, page);
// The bundled spec (one file) next to the page, for the download button and for tools.
writeFileSync(`${dist}gameball-v4.yaml`, readFileSync(specPath));
