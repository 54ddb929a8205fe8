/**
 * Colour only for a person at a terminal: none when standard output is not a
 * terminal (a pipe, a file — even under CI, where picocolors would colour),
 * none with NO_COLOR (https://no-color.org), and FORCE_COLOR (not "0") to
 * force it. Imported first by main.ts: picocolors reads the environment when
 * it is loaded, so the decision is written there as NO_COLOR.
 */
export function colourWanted(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

if (!colourWanted(process.env, process.stdout.isTTY === true)) {
  process.env.NO_COLOR = '1';
  delete process.env.FORCE_COLOR;
}
