/**
 * Bundles the VS Code extension and the lcff language server with esbuild,
 * so the installed extension needs nothing outside itself:
 *   dist/extension.js  the client (src/extension.ts + vscode-languageclient; `vscode` is VS Code's own)
 *   dist/server.js     the server (lsp/server/main.ts and the compiler it uses: parser, checker, formatter)
 * CommonJS for the Node that VS Code runs extensions and servers in (Node 18 since VS Code 1.82).
 * The rules are not bundled: the server checks the rule library of the workspace it is opened on.
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(dirname(fileURLToPath(import.meta.url))); // lsp/vscode
const root = join(here, '..', '..');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: false,
  minify: false,
  logLevel: 'warning',
  legalComments: 'inline',
};

/** src/syntax/chevrotain.ts picks chevrotain's single-file build at run time (a top-level await); in a bundle it is the package itself. */
const chevrotainFromPackage = {
  name: 'chevrotain-from-package',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]syntax[\\/]chevrotain\.ts$/ }, () => ({ contents: "export * from 'chevrotain';", loader: 'ts', resolveDir: root }));
  },
};

export async function bundle() {
  await build({ ...common, entryPoints: [join(here, 'src', 'extension.ts')], outfile: join(here, 'dist', 'extension.js'), external: ['vscode'] });
  await build({
    ...common,
    entryPoints: [join(root, 'lsp', 'server', 'main.ts')],
    outfile: join(here, 'dist', 'server.js'),
    plugins: [chevrotainFromPackage],
    // the server starts itself when it is the script Node runs (main.ts compares import.meta.url with argv[1])
    define: { 'import.meta.url': '__lcffServerUrl' },
    banner: { js: 'const __lcffServerUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
  return [join(here, 'dist', 'extension.js'), join(here, 'dist', 'server.js')];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await bundle();
  process.stdout.write(`bundled ${files.join(', ')}\n`);
}
