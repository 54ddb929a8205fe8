/**
 * Which scenarios `lcff run <paths...>` runs. A scenario is a YAML/JSON file,
 * or a folder holding scenario.yaml (scenario.yml, scenario.json) — as for a
 * single run. A *folder of scenarios* is a folder that holds no scenario file
 * itself but has subfolders that do: it stands for those subfolders, in name
 * order (one level deep; hidden folders skipped). One path that is a scenario
 * is a single run, printed exactly as before; several paths, or one folder of
 * scenarios, are a batch. A path that is neither (missing, unreadable, a
 * folder with nothing to run) stays in the batch and fails there with the
 * loader's error, so the other scenarios still run.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SCENARIO_NAMES } from '../../scenario/load.js';

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

async function holdsScenario(folder: string): Promise<boolean> {
  for (const name of SCENARIO_NAMES) {
    if (await stat(join(folder, name)).then((s) => s.isFile(), () => false)) return true;
  }
  return false;
}

/** The scenario subfolders of a folder of scenarios, in name order (code-point order, the same on every machine); [] when `path` is not one. */
export async function scenarioFolders(path: string): Promise<string[]> {
  if (!(await isFolder(path)) || (await holdsScenario(path))) return [];
  const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
  const names = entries.map((e) => e.name).filter((n) => !n.startsWith('.')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const found: string[] = [];
  for (const name of names) {
    const sub = join(path, name);
    if ((await isFolder(sub)) && (await holdsScenario(sub))) found.push(sub);
  }
  return found;
}

/** The scenarios of a batch in input order, or undefined when the paths are one scenario (a single run). */
export async function batchScenarios(paths: readonly string[]): Promise<string[] | undefined> {
  const expanded: string[][] = [];
  for (const p of paths) {
    const inside = await scenarioFolders(p);
    expanded.push(inside.length > 0 ? inside : [p]);
  }
  if (paths.length === 1 && expanded[0].length === 1 && expanded[0][0] === paths[0]) return undefined;
  return expanded.flat();
}
