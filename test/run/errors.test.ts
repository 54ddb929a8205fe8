/** Evaluation errors stop a run with a positioned, stable error, never a stack trace. */
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../src/compile/program.js';
import { RunContext, RunError } from '../../src/run/context.js';
import { loadScenario } from '../../src/scenario/load.js';
import { Dec } from '../../src/runtime/money.js';
import { libraryWith, ROOT } from '../helpers/library.js';

const FILE = 'test/run/bad-division.lcff';
const TEXT = `decision share_of_ada for district
  cite "EC 1"
  output share : Percent

  rule share
    cite "EC 1"
    effective 2013-14 onward
    when district.padc_ada is present
    then share = district.computed_ada / district.padc_ada
end
`;

describe('evaluation errors', () => {
  it('a division by zero in a rule is LCFF-F004 at the rule file, line and column', async () => {
    const lib = await libraryWith([{ file: FILE, text: TEXT }]);
    expect(lib.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const { scenario } = await loadScenario(`${ROOT}examples/2019-20-county-charter`);
    const ctx = new RunContext(compileProgram(lib, 2019), scenario!, 'engine');
    const facts = { district: { cds: '0161192', computed_ada: new Dec('1.50'), padc_ada: new Dec(0), coded_census_students: new Dec(0), concurred: false } };
    const run = ctx.decide('share_of_ada', 'district 0161192', facts);
    await expect(run).rejects.toBeInstanceOf(RunError);
    await expect(ctx.decide('share_of_ada', 'district 0161192', facts)).rejects.toMatchObject({
      code: 'LCFF-F004',
      message: `${FILE}:9:18 decision share_of_ada for district 0161192: division by zero`,
    });
  });
});
