/** `--jobs` of batch runs: its default and its parser, apart from the batch runner so that defining the option loads nothing heavy. */
import { InvalidArgumentError } from 'commander';

/**
 * --jobs when not given: 1, by measurement (`npm run bench batch`, docs/outputs.md
 * "Batch runs"): on a busy 2-CPU machine, 2 workers ran 58 counties 9% sooner
 * on json-rules-engine and 40% later on the fast path, with twice the memory.
 */
export const DEFAULT_JOBS = 1;

/** commander's parser of --jobs: a whole number from 1 to 64; anything else is a usage error (exit 2). */
export function jobsOption(text: string): number {
  if (!/^\d{1,2}$/.test(text) || Number(text) < 1 || Number(text) > 64) throw new InvalidArgumentError('a whole number from 1 to 64');
  return Number(text);
}
