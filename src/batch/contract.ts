/**
 * The batch document (`lcff run <many scenarios> --json`): each scenario's
 * run — its result (the result contract of src/run/result.ts) or its error —
 * in input order, then the summary across them. Written once, here, with
 * TypeBox like the result contract: the types below are derived from it and
 * `schemas/batch.schema.json` is generated from it (`npm run schemas`), the
 * result's definitions included so the file stands alone.
 */
import { Type, type Static } from '@sinclair/typebox';
import { EXIT } from '../cli/errors.js';
import { closed, oneOf, ref, resultContract, SEVERITIES, type Vocabulary } from '../run/result.js';
import { errorRun, jsonSchemaDocument, scenarioRowBase } from './contract-parts.js';

export { BATCH_STATUSES } from './contract-parts.js';
export type BatchStatus = keyof typeof EXIT;

export function batchContract(v: Vocabulary) {
  const { defs, result } = resultContract(v);
  const { money, ada, count, fiscalYear, categorySummary } = defs;
  const base = scenarioRowBase(fiscalYear);

  const scenarioRow = Type.Object(
    {
      ...base.fields,
      students: Type.Optional(ref('count', count)),
      coe_entitlement: Type.Optional(ref('money', money)),
      transfers: Type.Optional(ref('money', money)),
      findings: Type.Optional(ref('count', count)),
      evaluator: Type.Optional(oneOf(['engine', 'fast', 'kernel'] as const, 'json-rules-engine, the compiled closures (fast) or the generated kernel (same results)')),
      error: base.error,
    },
    { ...closed, description: 'one scenario of the batch: fiscal year, county and totals when it ran (or was read), the error when it failed' },
  );

  const findingCount = Type.Object(
    {
      code: Type.String({ pattern: '^LCFF-[A-Z]\\d{3}$' }),
      severity: oneOf(SEVERITIES),
      count: ref('count', count),
      scenarios: ref('count', count),
    },
    { ...closed, description: 'how many findings of one code the scenarios of the year produced, and in how many scenarios' },
  );

  const yearTotals = Type.Object(
    {
      fiscal_year: ref('fiscalYear', fiscalYear),
      scenarios: ref('count', count),
      students: ref('count', count),
      categories: Type.Array(ref('categorySummary', categorySummary), { description: 'students, census-day students and ADA by funding category, summed' }),
      transfers: Type.Object({ lines: ref('count', count), ada: ref('ada', ada), amount: ref('money', money) }, { ...closed, description: 'the transfer lines (district and grade span) of every scenario: their number, ADA and amount' }),
      coe_entitlement: Type.Object({ total: ref('money', money), incomplete: ref('count', count) }, { ...closed, description: "the COE entitlements summed, and how many of them are incomplete (a component not computed)" }),
      findings: Type.Array(ref('findingCount', findingCount), { description: 'findings by code, most severe first' }),
      unconfirmed: Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true, description: 'the unconfirmed values, formulas and rules any of these results relied on, in name order' }),
    },
    { ...closed, description: 'the totals of the scenarios of one fiscal year that ran (statuses ok and findings); dollars of different years are never added' },
  );

  const summary = Type.Object(
    {
      scenarios: Type.Array(ref('scenarioRow', scenarioRow)),
      ran: ref('count', count),
      failed: ref('count', count),
      totals: Type.Array(ref('yearTotals', yearTotals), { description: 'one entry per fiscal year, in year order' }),
      exit_code: base.exitCode,
    },
    closed,
  );

  const run = Type.Union(
    [
      Type.Object({ scenario: Type.String({ minLength: 1 }), result: ref('result', result) }, closed),
      errorRun(base.status),
    ],
    { description: "a scenario's result, or why it has none" },
  );

  const document = Type.Object({ runs: Type.Array(run, { description: 'one per scenario, in input order' }), summary: ref('summary', summary) }, closed);
  const batchDefs = { ...defs, result, batchStatus: base.status, county: base.county, scenarioRow, findingCount, yearTotals, summary };
  return { defs: batchDefs, document };
}

type Contract = ReturnType<typeof batchContract>;
export type BatchDocument = Static<Contract['document']>;
export type BatchRun = BatchDocument['runs'][number];
export type BatchSummary = Static<Contract['defs']['summary']>;
export type ScenarioRow = Static<Contract['defs']['scenarioRow']>;
export type YearTotals = Static<Contract['defs']['yearTotals']>;
export type FindingCount = Static<Contract['defs']['findingCount']>;

/** The JSON Schema document of the batch contract (what `schemas/batch.schema.json` holds). */
export function batchJsonSchema(v: Vocabulary): Record<string, unknown> {
  const { defs, document } = batchContract(v);
  return jsonSchemaDocument('batch', 'lcff-rules batch', "The JSON of `lcff run <many scenarios or a folder> --json`: each scenario's result (`$defs/result`, the result contract) or error, in input order, then the summary across them. Generated from src/batch/contract.ts by `npm run schemas`; do not edit.", document, defs);
}
