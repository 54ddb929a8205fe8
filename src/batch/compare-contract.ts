/**
 * The document of a batch of comparisons (`lcff compare <many scenarios> --json`):
 * each scenario's comparison (the compare contract, src/compare/result.ts) or
 * its error, in input order, then the summary across them — per scenario
 * each side's COE entitlement and transfers and the change, per fiscal year
 * the sides' totals and their change (students and ADA by category,
 * transfers, COE entitlement components, findings by code) and the law that
 * caused the deltas with the number of scenarios it touched. Written once,
 * here, like the batch contract (src/batch/contract.ts);
 * `schemas/compare-batch.schema.json` is generated from it (`npm run schemas`).
 */
import { Type, type Static } from '@sinclair/typebox';
import { compareContract } from '../compare/result.js';
import { closed, oneOf, ref, resultContract, SEVERITIES, type Vocabulary } from '../run/result.js';
import { errorRun, jsonSchemaDocument, scenarioRowBase } from './contract-parts.js';

export function compareBatchContract(v: Vocabulary) {
  const { defs } = resultContract(v);
  const { money, ada, signedAda, count, fiscalYear, category } = defs;
  const change = Type.Integer({ description: 'b − a' });
  const base = scenarioRowBase(fiscalYear);

  const sideFigures = Type.Object({ coe_entitlement: ref('money', money), transfers: ref('money', money) }, { ...closed, description: 'the COE entitlement total and the sum of the transfers of one side (for change: b − a)' });
  const scenarioRow = Type.Object(
    {
      ...base.fields,
      students: Type.Optional(ref('count', count)),
      a: Type.Optional(ref('sideFigures', sideFigures)),
      b: Type.Optional(ref('sideFigures', sideFigures)),
      change: Type.Optional(ref('sideFigures', sideFigures)),
      students_changed: Type.Optional(Type.Integer({ minimum: 0, description: 'students whose category, crediting (credited_to) or expected transfer codes differ between the sides' })),
      deltas: Type.Optional(Type.Integer({ minimum: 0, description: 'the figures of the comparison that changed' })),
      a_projected: Type.Optional(Type.Literal(true, { description: "side a ran past its library's last year, on its law extended by the assumed COLA: its figures are projected" })),
      error: base.error,
    },
    { ...closed, description: 'one scenario: each side\'s totals and the change when it ran, the error when it failed' },
  );

  const catCounts = Type.Object({ students: ref('count', count), census_day: ref('count', count), ada: ref('ada', ada) }, closed);
  const categoryTotals = Type.Object(
    { category: ref('category', category), label: Type.String(), a: catCounts, b: catCounts, change: Type.Object({ students: change, census_day: change, ada: ref('signedAda', signedAda) }, closed) },
    { ...closed, description: 'students, census-day students and ADA of a funding category (credited by it) on each side, summed over the scenarios of the year' },
  );
  const transferCounts = Type.Object({ lines: ref('count', count), ada: ref('ada', ada), amount: ref('money', money) }, closed);
  const transferTotals = Type.Object({ a: transferCounts, b: transferCounts, change: Type.Object({ lines: change, ada: ref('signedAda', signedAda), amount: ref('money', money) }, closed) }, { ...closed, description: 'the transfer lines of every scenario on each side: their number, ADA and amount' });
  const abMoney = Type.Object({ a: ref('money', money), b: ref('money', money), change: ref('money', money) }, closed);
  const componentTotals = Type.Object(
    { name: Type.String({ minLength: 1 }), a: ref('money', money), b: ref('money', money), change: ref('money', money), not_computed: Type.Object({ a: ref('count', count), b: ref('count', count) }, { ...closed, description: 'in how many scenarios the component was not computed on each side (its amount counted as 0.00)' }) },
    closed,
  );
  const coeTotals = Type.Object(
    { components: Type.Array(componentTotals, { description: 'each component of the COE entitlement, in the order the results list them' }), total: abMoney, incomplete: Type.Object({ a: ref('count', count), b: ref('count', count) }, closed) },
    { ...closed, description: 'the COE entitlements summed on each side' },
  );
  const sideFindings = Type.Object({ count: ref('count', count), scenarios: ref('count', count) }, closed);
  const findingTotals = Type.Object({ code: Type.String({ pattern: '^LCFF-[A-Z]\\d{3}$' }), severity: oneOf(SEVERITIES), a: sideFindings, b: sideFindings, change: change }, { ...closed, description: 'findings of one code on each side: how many, and in how many scenarios' });
  const causeTotals = Type.Object(
    {
      kind: oneOf(['parameter', 'rule', 'formula'] as const),
      name: Type.String({ minLength: 1 }),
      scenarios: ref('count', count),
      deltas: ref('count', count),
    },
    { ...closed, description: 'law that differs between the sides and caused deltas: in how many scenarios of the year, and how many deltas name it' },
  );
  const yearTotals = Type.Object(
    {
      fiscal_year: ref('fiscalYear', fiscalYear),
      scenarios: ref('count', count),
      students: ref('count', count),
      students_changed: ref('count', count),
      a_projected: Type.Integer({ minimum: 0, description: "in how many scenarios of the year side a ran projected (past its library's last year): its totals hold projected figures when this is not 0" }),
      categories: Type.Array(categoryTotals),
      transfers: transferTotals,
      coe_entitlement: coeTotals,
      findings: Type.Array(findingTotals, { description: 'by code, most severe first' }),
      causes: Type.Array(causeTotals, { description: 'by name' }),
    },
    { ...closed, description: 'the totals of the scenarios of one fiscal year that ran; dollars of different years are never added' },
  );
  const summary = Type.Object(
    { scenarios: Type.Array(ref('scenarioRow', scenarioRow)), ran: ref('count', count), failed: ref('count', count), totals: Type.Array(ref('yearTotals', yearTotals), { description: 'one per fiscal year, in year order' }), exit_code: base.exitCode },
    closed,
  );
  const run = Type.Union([Type.Object({ scenario: Type.String({ minLength: 1 }), result: ref('comparison', compareContract) }, closed), errorRun(base.status)], { description: "a scenario's comparison, or why it has none" });
  const document = Type.Object({ runs: Type.Array(run, { description: 'one per scenario, in input order' }), summary: ref('summary', summary) }, closed);
  const batchDefs = { fiscalYear, money, ada, signedAda, count, category, batchStatus: base.status, county: base.county, comparison: compareContract, sideFigures, scenarioRow, yearTotals, summary };
  return { defs: batchDefs, document };
}

type Contract = ReturnType<typeof compareBatchContract>;
export type CompareBatchDocument = Static<Contract['document']>;
export type CompareBatchRun = CompareBatchDocument['runs'][number];
export type CompareBatchSummary = Static<Contract['defs']['summary']>;
export type CompareScenarioRow = Static<Contract['defs']['scenarioRow']>;
export type CompareYearTotals = Static<Contract['defs']['yearTotals']>;

/** The JSON Schema document of the contract (what `schemas/compare-batch.schema.json` holds). */
export function compareBatchJsonSchema(v: Vocabulary): Record<string, unknown> {
  const { defs, document } = compareBatchContract(v);
  return jsonSchemaDocument('compare-batch', 'lcff-rules batch of comparisons', "The JSON of `lcff compare <many scenarios or a folder> --json`: each scenario's comparison (`$defs/comparison`, the compare contract) or error, in input order, then the summary across them. Generated from src/batch/compare-contract.ts by `npm run schemas`; do not edit.", document, defs);
}
