/**
 * Runs a batch's scenarios on the main thread (--jobs 1) or on worker threads
 * (--jobs N): each worker loads the library once, then takes the next
 * scenario whenever it is free. Outcomes are handed on strictly in input
 * order (a finished scenario waits for those before it), so what is printed
 * or written is the same whatever the number of jobs.
 */
import { Worker } from 'node:worker_threads';
import type { ScenarioOutcome } from '../../batch/outcome.js';
import { UserError } from '../errors.js';
import { ScenarioRunner, type BatchRunOptions } from './run-one.js';

/** Messages from a worker (src/cli/batch/worker.ts). */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'init-error'; message: string; exitCode: number; internal: boolean }
  | { type: 'outcome'; index: number; outcome: ScenarioOutcome };

/** Messages to a worker: the next scenario, or none left (the worker exits). */
export type ToWorker = { index: number; path: string } | { done: true };

export type OutcomeSink = (outcome: ScenarioOutcome, index: number) => void | Promise<void>;

export async function runScenarios(paths: readonly string[], opts: BatchRunOptions, jobs: number, sink: OutcomeSink): Promise<void> {
  if (jobs <= 1 || paths.length <= 1) {
    const runner = await ScenarioRunner.create(opts);
    for (const [i, p] of paths.entries()) await sink(await runner.run(p), i);
    return;
  }
  await inWorkers(paths, opts, Math.min(jobs, paths.length), sink);
}

function inWorkers(paths: readonly string[], opts: BatchRunOptions, count: number, sink: OutcomeSink): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const waiting = new Map<number, ScenarioOutcome>();
    let nextTask = 0;
    let nextOut = 0;
    let failed = false;
    let delivering = Promise.resolve();

    const fail = (e: Error): void => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(e);
    };
    const feed = (w: Worker): void => {
      if (nextTask < paths.length) {
        const index = nextTask++;
        w.postMessage({ index, path: paths[index] } satisfies ToWorker);
      } else w.postMessage({ done: true } satisfies ToWorker);
    };
    const deliver = (): void => {
      while (waiting.has(nextOut)) {
        const index = nextOut++;
        const outcome = waiting.get(index)!;
        waiting.delete(index);
        delivering = delivering.then(() => sink(outcome, index));
      }
      if (nextOut === paths.length) delivering.then(() => resolve(), fail);
      else delivering.catch(fail);
    };

    for (let i = 0; i < count; i++) {
      const w = new Worker(new URL('./worker.js', import.meta.url), { workerData: opts });
      workers.push(w);
      w.on('message', (m: FromWorker) => {
        if (failed) return;
        if (m.type === 'init-error') return fail(m.internal ? new Error(m.message) : new UserError(m.message, m.exitCode));
        if (m.type === 'outcome') {
          waiting.set(m.index, m.outcome);
          deliver();
        }
        feed(w);
      });
      w.on('error', (e) => fail(e));
      w.on('exit', (code) => {
        if (code !== 0 && !failed) fail(new Error(`a worker thread stopped (exit code ${code})`));
      });
    }
  });
}
