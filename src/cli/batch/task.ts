/**
 * What a batch runs on each scenario: `lcff run`, `lcff compare` or
 * `lcff project`, with the options every scenario shares (plain data: a
 * worker thread receives it as its workerData), and the runner that does it
 * (loaded on demand, so a worker loads only its command's code).
 */
import type { CompareOutcome } from '../../batch/compare-outcome.js';
import type { ScenarioOutcome } from '../../batch/outcome.js';
import type { ProjectOutcome } from '../../batch/project-outcome.js';
import type { CompareEachOptions } from './compare-one.js';
import type { ProjectEachOptions } from './project-one.js';
import type { BatchRunOptions } from './run-one.js';

export type BatchTask = { kind: 'run'; opts: BatchRunOptions } | { kind: 'compare'; opts: CompareEachOptions } | { kind: 'project'; opts: ProjectEachOptions };

export interface OutcomeOf {
  run: ScenarioOutcome;
  compare: CompareOutcome;
  project: ProjectOutcome;
}

/** Runs one scenario; never rejects: every error of a scenario is its outcome. */
export interface Runner<O> {
  run(path: string): Promise<O>;
}

/** The runner of a task, its library loaded; bad options or library errors throw a UserError (they stop the whole batch). */
export async function createRunner<T extends BatchTask>(task: T): Promise<Runner<OutcomeOf[T['kind']]>> {
  switch (task.kind) {
    case 'run':
      return (await import('./run-one.js')).ScenarioRunner.create(task.opts) as Promise<Runner<OutcomeOf[T['kind']]>>;
    case 'compare':
      return (await import('./compare-one.js')).CompareRunner.create(task.opts) as Promise<Runner<OutcomeOf[T['kind']]>>;
    case 'project':
      return (await import('./project-one.js')).ProjectRunner.create(task.opts) as Promise<Runner<OutcomeOf[T['kind']]>>;
  }
}
