#!/usr/bin/env node
// `npm run fuzz -- [runs] [seed] [filter]`: runs every fuzzer (test/fuzz/*.fuzz.test.ts)
// with `runs` cases per property (default 10000) and the given seed
// (default: a fresh one, printed so a failure can be replayed).
import { spawnSync } from 'node:child_process';

const [runsArg, seedArg, filter] = process.argv.slice(2);
const usage = 'usage: npm run fuzz -- [runs] [seed] [file filter]';
if (runsArg !== undefined && !/^\d+$/.test(runsArg)) {
  console.error(`${usage}\nruns must be a whole number; got ${JSON.stringify(runsArg)}`);
  process.exit(2);
}
if (seedArg !== undefined && !/^-?\d+$/.test(seedArg)) {
  console.error(`${usage}\nseed must be a whole number; got ${JSON.stringify(seedArg)}`);
  process.exit(2);
}
const runs = runsArg ?? '10000';
const seed = seedArg ?? String(Date.now() % 2147483647);
console.log(`fuzzing: ${runs} runs per property, seed ${seed}`);
const args = ['vitest', 'run', filter ? `test/fuzz/${filter}` : 'test/fuzz', '--testTimeout=0', '--reporter=verbose'];
const r = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed } });
process.exit(r.status ?? 1);
