/** Runs the built `lcff` command as a user would. */
import { spawnSync } from 'node:child_process';
import { ROOT } from './library.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `env`: variables added to the environment (e.g. SOURCE_DATE_EPOCH for byte-identical outputs). */
export function lcff(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const r = spawnSync(process.execPath, [`${ROOT}dist/src/cli/main.js`, ...args], { cwd: opts.cwd ?? ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...opts.env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
