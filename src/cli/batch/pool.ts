/**
 * Runs a batch's scenarios (of `lcff run`, `compare` or `project`: task.ts)
 * on the main thread (--jobs 1) or on worker threads (--jobs N): each worker
 * loads the library once, then takes the next
 * scenario whenever it is free. Outcomes are handed on strictly in input
 * order (a finished scenario waits for those before it), so what is printed
 * or written is the same whatever the number of jobs.
 */
import { Worker } from 'node:worker_threads';
import type { OutcomeBase } from '../../batch/outcome.js';
import { UserError } from '../errors.js';
import { createRunner, type BatchTask, type OutcomeOf } from './task.js';

/** Messages from a worker (src/cli/batch/worker.ts). */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'init-error'; message: string; exitCode: number; internal: boolean }
  | { type: 'outcome'; index: number; outcome: OutcomeBase };

/** Messages to a worker: the next scenario, or none left (the worker exits). */
export type ToWorker = { index: number; path: string } | { done: true };

export type OutcomeSink<O> = (outcome: O, index: number) => void | Promise<void>;

export async function runScenarios<T extends BatchTask>(paths: readonly string[], task: T, jobs: number, sink: OutcomeSink<OutcomeOf[T['kind']]>): Promise<void> {
  if (jobs <= 1 || paths.length <= 1) {
    const runner = await createRunner(task);
    for (const [i, p] of paths.entries()) await sink(await runner.run(p), i);
    return;
  }
  await inWorkers(paths, task, Math.min(jobs, paths.length), sink as OutcomeSink<OutcomeBase>);
}

function inWorkers(paths: readonly string[], task: BatchTask, count: number, sink: OutcomeSink<OutcomeBase>): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const waiting = new Map<number, OutcomeBase>();
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
      const w = new Worker(new URL('./worker.js', import.meta.url), { workerData: task });
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
