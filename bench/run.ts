/** `npm run bench`: every benchmark of the project, as tables with ratios measured in the same run. */
import { benchCompiler } from './compiler.js';
import { benchRunner } from './runner.js';

const only = process.argv[2];
if (!only || only === 'compiler') await benchCompiler();
if (!only || only === 'runner') await benchRunner();
if (!only || only === 'lsp') {
  const { benchLsp } = await import('./lsp.js');
  await benchLsp();
}
