/**
 * A worker thread of a batch (src/cli/batch/pool.ts): loads the library
 * with the batch's task (task.ts: run, compare or project and its options) once, then runs each scenario it is sent and
 * posts its outcome. It writes nothing itself: warnings travel with the
 * outcome and are printed by the main thread, in input order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../errors.js';
import type { FromWorker, ToWorker } from './pool.js';
import { createRunner, type BatchTask, type Runner } from './task.js';
import type { OutcomeBase } from '../../batch/outcome.js';

const port = parentPort!;
const post = (m: FromWorker): void => port.postMessage(m);

async function start(): Promise<Runner<OutcomeBase> | undefined> {
  try {
    return await createRunner(workerData as BatchTask);
  } catch (e) {
    // the main thread stops the batch with this error (the same in every worker) and ends the workers
    post(e instanceof UserError ? { type: 'init-error', message: e.message, exitCode: e.exitCode, internal: false } : { type: 'init-error', message: e instanceof Error ? e.message : String(e), exitCode: 3, internal: true });
    return undefined;
  }
}

const runner = await start();
if (runner) {
  port.on('message', (m: ToWorker) => {
    if ('done' in m) {
      port.close();
      return;
    }
    // run() never rejects: every error of a scenario is its outcome
    void runner.run(m.path).then((outcome) => post({ type: 'outcome', index: m.index, outcome }));
  });
  post({ type: 'ready' });
}
