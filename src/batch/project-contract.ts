/**
 * The document of a batch of projections (`lcff project <many scenarios> --years … --json`):
 * each scenario's projection (the projection contract, src/project/result.ts)
 * or its error, in input order, then the summary across them — per scenario
 * and year the COE entitlement, transfers, students and ADA, each marked
 * projected or not, and the assumptions the scenario's projection used; per
 * fiscal year the totals across the counties. Written once, here, like the
 * batch contract (src/batch/contract.ts); `schemas/project-batch.schema.json`
 * is generated from it (`npm run schemas`).
 */
import { Type, type Static } from '@sinclair/typebox';
import { projectionContract } from '../project/result.js';
import { closed, ref, resultContract, type Vocabulary } from '../run/result.js';
import { errorRun, jsonSchemaDocument, scenarioRowBase } from './contract-parts.js';

export function projectBatchContract(v: Vocabulary) {
  const { defs } = resultContract(v);
  const { money, ada, count, fiscalYear } = defs;
  const base = scenarioRowBase(fiscalYear);
  const projection = projectionContract(v);
  const projected = Type.Boolean({ description: "true for a year after the scenario's: computed from the assumptions, not reported data" });

  const yearFigures = Type.Object(
    { fiscal_year: ref('fiscalYear', fiscalYear), projected, students: ref('count', count), ada: ref('ada', ada), transfers: ref('money', money), coe_entitlement: ref('money', money), complete: Type.Boolean({ description: 'every component of the COE entitlement computed' }) },
    { ...closed, description: "one year of one scenario's projection: students, ADA (in), the sum of the transfers, the COE entitlement total" },
  );
  const scenarioRow = Type.Object(
    {
      ...base.fields,
      years: Type.Optional(Type.Array(ref('yearFigures', yearFigures), { description: "the scenario's year, then each projected year" })),
      assumptions: Type.Optional(Type.Unsafe<Static<typeof projection>['projection']['assumptions']>({ $ref: '#/$defs/assumptions' })),
      error: base.error,
    },
    { ...closed, description: 'one scenario: its years and the assumptions they used when it ran, the error when it failed' },
  );
  const yearTotals = Type.Object(
    {
      fiscal_year: ref('fiscalYear', fiscalYear),
      projected: Type.Boolean({ description: 'true when a figure of the year is projected in any scenario' }),
      scenarios: ref('count', count),
      projected_scenarios: Type.Integer({ minimum: 0, description: 'of those, the scenarios for which the year is projected' }),
      students: ref('count', count),
      ada: ref('ada', ada),
      transfers: ref('money', money),
      coe_entitlement: Type.Object({ total: ref('money', money), incomplete: ref('count', count) }, closed),
    },
    { ...closed, description: 'one fiscal year summed across the scenarios that reach it; dollars of different years are never added' },
  );
  const summary = Type.Object(
    { scenarios: Type.Array(ref('scenarioRow', scenarioRow)), ran: ref('count', count), failed: ref('count', count), totals: Type.Array(ref('yearTotals', yearTotals), { description: 'one per fiscal year, in year order' }), exit_code: base.exitCode },
    closed,
  );
  const run = Type.Union([Type.Object({ scenario: Type.String({ minLength: 1 }), result: ref('projection', projection) }, closed), errorRun(base.status)], { description: "a scenario's projection, or why it has none" });
  const document = Type.Object({ runs: Type.Array(run, { description: 'one per scenario, in input order' }), summary: ref('summary', summary) }, closed);
  const assumptions = projection.properties.projection.properties.assumptions;
  const batchDefs = { fiscalYear, money, ada, count, batchStatus: base.status, county: base.county, projection, assumptions, yearFigures, scenarioRow, yearTotals, summary };
  return { defs: batchDefs, document };
}

type Contract = ReturnType<typeof projectBatchContract>;
export type ProjectBatchDocument = Static<Contract['document']>;
export type ProjectBatchRun = ProjectBatchDocument['runs'][number];
export type ProjectBatchSummary = Static<Contract['defs']['summary']>;
export type ProjectScenarioRow = Static<Contract['defs']['scenarioRow']>;
export type ProjectYearTotals = Static<Contract['defs']['yearTotals']>;

/** The JSON Schema document of the contract (what `schemas/project-batch.schema.json` holds). */
export function projectBatchJsonSchema(v: Vocabulary): Record<string, unknown> {
  const { defs, document } = projectBatchContract(v);
  return jsonSchemaDocument('project-batch', 'lcff-rules batch of projections', "The JSON of `lcff project <many scenarios or a folder> --years … --json`: each scenario's projection (`$defs/projection`, the projection contract) or error, in input order, then the summary across them. Generated from src/batch/project-contract.ts by `npm run schemas`; do not edit.", document, defs);
}
