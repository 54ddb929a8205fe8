/** `npm run bench [compiler|startup|runner|scale [rows...]|kernel [rows]|lsp|batch [counties] [min..max] [run|compare|project]]`: every benchmark of the project, as tables with ratios measured in the same run. */
import { benchCompiler } from './compiler.js';
import { benchRunner } from './runner.js';

const only = process.argv[2];
if (!only || only === 'compiler') await benchCompiler();
if (!only || only === 'startup') {
  const { benchStartup } = await import('./startup.js');
  await benchStartup();
}
if (!only || only === 'runner') await benchRunner();
if (!only || only === 'scale') {
  const { benchScale } = await import('./scale.js');
  const sizes = process.argv.slice(3).filter((a) => /^\d+$/.test(a)).map(Number);
  await benchScale(sizes.length ? sizes : undefined);
}
if (!only || only === 'kernel') {
  const { benchKernel } = await import('./kernel.js');
  const rows = process.argv.slice(3).find((a) => /^\d+$/.test(a));
  await benchKernel(rows ? Number(rows) : undefined);
}
if (!only || only === 'lsp') {
  const { benchLsp } = await import('./lsp.js');
  await benchLsp();
}
if (!only || only === 'batch') {
  const { benchBatch } = await import('./batch.js');
  const [counties, range, command] = process.argv.slice(3);
  const m = /^(\d+)\.\.(\d+)$/.exec(range ?? '');
  const kind = command === 'compare' || command === 'project' ? command : 'run';
  await benchBatch(counties && /^\d+$/.test(counties) ? Number(counties) : undefined, m ? Number(m[1]) : undefined, m ? Number(m[2]) : undefined, undefined, kind);
}
