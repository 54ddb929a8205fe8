/**
 * `npm run bench [-- options]`: one summary of every figure issue 9 asks for,
 * with its goals (bench/report.ts; options in bench/options.ts).
 * `npm run bench <name> [args]`: one bench alone —
 * compiler | startup | runner | scale [rows...] | kernel [rows] | lsp |
 * batch [counties] [min..max] [run|compare|project] — or `all` for every one of them in turn.
 */
import { benchCompiler } from './compiler.js';
import { benchRunner } from './runner.js';

const BENCHES = ['compiler', 'startup', 'runner', 'scale', 'kernel', 'lsp', 'batch', 'all'];
const first = process.argv[2];

if (first === undefined || first.startsWith('--')) {
  const { parseSummaryArgs, USAGE } = await import('./options.js');
  let options;
  try {
    options = parseSummaryArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  const { benchSummary } = await import('./report.js');
  await benchSummary(options);
} else if (!BENCHES.includes(first)) {
  process.stderr.write(`unknown bench ${JSON.stringify(first)}: one of ${BENCHES.join(', ')}, or options for the summary\n`);
  process.exit(2);
} else {
  const only = first === 'all' ? undefined : first;
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
}
