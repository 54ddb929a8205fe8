/**
 * Builds dist/ once before the suite: the CLI and language-server tests run
 * the real `lcff` and `lcff-lsp` programs as child processes.
 */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  if (process.env.LCFF_TEST_NO_BUILD) return; // dist/ built by hand
  const root = new URL('../', import.meta.url).pathname;
  // the same two compilations as `npm run build`: the project, then the type check of the VS Code client
  for (const project of ['tsconfig.json', 'lsp/vscode/tsconfig.json']) {
    execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}${project}`], { cwd: root, stdio: 'inherit' });
  }
}
