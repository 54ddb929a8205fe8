/** Conservation is fatal: a scenario that cannot balance stops the run with LCFF-F010. */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/run.js';
import { RunError } from '../../src/run/context.js';
import { loadScenario } from '../../src/scenario/load.js';
import { bundledLibrary, ROOT } from '../helpers/library.js';

describe('conservation', () => {
  it('holds on the example: ADA in = ADA credited, counts moved not created, transfers net to zero', async () => {
    const lib = await bundledLibrary();
    const { scenario } = await loadScenario(`${ROOT}examples/2019-20-county-charter`);
    const { result } = await runScenario(lib, scenario!);
    // 11 students: 0.95 + 0.88 + 0.90 + 0.75 + 0.80 + 0.70 + 0.85 + 0.60 + 0.40 + 0.92 + 0.96 = 8.71
    expect(result.conservation).toMatchObject({ ada_in: '8.71', ada_out: '8.71', transfers_net: '0.00' });
    expect(result.conservation.enrollment_in).toBe(result.conservation.enrollment_out);
  });

  it('is violated when a charter declares fewer students than move out of it, and the run stops', async () => {
    const lib = await bundledLibrary();
    const { scenario } = await loadScenario(`${ROOT}examples/2019-20-county-charter`);
    // the charter's one census-day AEG student moves to the COE: 0 declared - 1 = -1
    const broken = { ...scenario!, charters: scenario!.charters.map((c) => ({ ...c, enrollment: 0, unduplicated: 0 })) };
    const run = runScenario(lib, broken);
    await expect(run).rejects.toBeInstanceOf(RunError);
    await expect(runScenario(lib, broken)).rejects.toMatchObject({ code: 'LCFF-F010', message: expect.stringMatching(/charter 0100001 ends with negative counts/) });
  });
});
