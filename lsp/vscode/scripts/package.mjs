/**
 * `npm run package:vscode [-- --out <file.vsix>]`: bundles the client and the
 * language server (bundle.mjs), puts the project's LICENSE beside the
 * manifest, and packs lsp/vscode into a .vsix with @vscode/vsce — offline:
 * no dependency resolution (everything is in the bundles), no network.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVSIX } from '@vscode/vsce';
import { bundle } from './bundle.mjs';

const here = dirname(dirname(fileURLToPath(import.meta.url))); // lsp/vscode
const root = join(here, '..', '..');

function outPath(argv) {
  const i = argv.indexOf('--out');
  if (i >= 0) {
    if (!argv[i + 1]) {
      process.stderr.write('--out needs a file name (e.g. --out lcff.vsix)\n');
      process.exit(2);
    }
    return resolve(argv[i + 1]);
  }
  const { name, version } = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
  return join(here, `${name}-${version}.vsix`);
}

const packagePath = outPath(process.argv.slice(2));
await bundle();
// one license text, the project's: copied (git ignores the copy), never edited here
copyFileSync(join(root, 'LICENSE'), join(here, 'LICENSE'));
await createVSIX({ cwd: here, packagePath, dependencies: false });
process.stdout.write(`wrote ${packagePath}\n`);
