/**
 * The result of `lcff project --json`: the scenario's year and the
 * projected years side by side, per LEA and for the COE, with the
 * assumptions and how the law was extended (`projection`). Written once
 * with TypeBox; `schemas/projection.schema.json` is generated from it
 * (`npm run schemas`) and a test checks the committed file. Decimals are
 * fixed-place strings as in the run result (schemas/result.schema.json).
 * Every figure of a year other than the scenario's carries `projected: true`.
 */
import { Type, type Static, type TArray } from '@sinclair/typebox';
import { provenanceContract, type Vocabulary } from '../run/result.js';
import { ASSUMPTION_KINDS, type AssumptionKind } from '../scenario/model.js';

const closed = { additionalProperties: false } as const;

/**
 * How the law was extended past the library's last year, and the
 * assumptions it was extended by: the fields a projection states, and so
 * does a comparison whose side a ran projected (src/compare/result.ts).
 */
export function projectedLawFields() {
  const fiscalYear = Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'a fiscal year, 2019-20' });
  const assumed = Type.Object({ fiscal_year: fiscalYear, value: Type.String({ pattern: '^[+-]?\\d+(\\.\\d+)?%$' }) }, closed);
  return {
    assumptions: Type.Object(
      {
        source: Type.String({ description: 'the file the assumptions were read from (the scenario, or --assumptions); empty when none was needed' }),
        ...(Object.fromEntries(ASSUMPTION_KINDS.map((k) => [k, Type.Array(assumed)])) as Record<AssumptionKind, TArray<typeof assumed>>),
      },
      { ...closed, description: 'the assumptions used, as written, for the projected years only: each kind of schemas/scenario.schema.json $defs/assumptions' },
    ),
    cola_parameters: Type.Array(Type.String(), { description: 'the percent parameters that take the assumed COLA in each year past the library\'s last' }),
    derived: Type.Array(Type.Object({ parameter: Type.String(), steps: Type.Array(Type.String()), round: Type.Optional(Type.String()) }, closed), { description: 'parameters derived in each year past the library\'s last as the library derives its last year: prior year × (1 + step), rounded' }),
    carried_forward: Type.Array(Type.Object({ parameter: Type.String(), value: Type.String(), from: fiscalYear }, closed), { description: "every other parameter: its value in force in the library's last year holds, unchanged ('unknown' stays unknown)" }),
  };
}

export function projectionContract(v: Vocabulary) {
  const fiscalYear = Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'a fiscal year, 2019-20' });
  const money = Type.String({ pattern: '^-?\\d+\\.\\d{2}$', description: 'dollars, two decimals' });
  const ada = Type.String({ pattern: '^\\d+\\.\\d{2}$', description: 'ADA, two decimals' });
  const upp = Type.String({ pattern: '^(0\\.\\d{4}|1\\.0000)$', description: 'an unduplicated pupil percentage as a fraction, four decimals' });
  const count = Type.Integer({ minimum: 0 });
  const projected = Type.Boolean({ description: 'true for a year after the scenario\'s: computed from the assumptions (students rolled forward; past the library\'s last year, the law extended too), not reported data or enacted law' });
  const spanRates = Type.Object({ base: money, supplemental: money, concentration: money, total: money }, closed);
  const rates = Type.Unsafe<Record<string, Static<typeof spanRates>>>({
    type: 'object',
    description: "per-ADA rate components by grade span at the district's rolling UPP after adjustments (the same as the run result's)",
    propertyNames: { enum: [...v.spans] },
    required: [...v.spans],
    additionalProperties: spanRates,
  });

  const leaYear = Type.Object(
    {
      fiscal_year: fiscalYear,
      projected,
      ada,
      enrollment: count,
      unduplicated: count,
      upp_rolling: upp,
      rates: Type.Optional(rates),
      transfers_out: Type.Optional(money),
      transfers_in: Type.Optional(money),
    },
    { ...closed, description: 'an LEA in one year: ADA, enrollment and unduplicated count credited after county-program adjustments, the rolling UPP, rates (districts), transfers paid (districts) and received (the COE)' },
  );
  const lea = Type.Object({ cds: Type.String({ pattern: '^\\d{7}$' }), kind: Type.Unsafe<'coe' | 'district' | 'charter'>({ enum: ['coe', 'district', 'charter'] }), name: Type.String(), years: Type.Array(leaYear) }, closed);

  const componentYear = Type.Object({ fiscal_year: fiscalYear, projected, computed: Type.Boolean(), amount: money }, closed);
  const component = Type.Object({ name: Type.String({ minLength: 1 }), years: Type.Array(componentYear) }, closed);
  const entitlementYear = Type.Object({ fiscal_year: fiscalYear, projected, total: money, complete: Type.Boolean() }, closed);

  const lawValue = Type.Object(
    {
      parameter: Type.String({ minLength: 1 }),
      member: Type.Optional(Type.String({ minLength: 1 })),
      years: Type.Array(Type.Object({ fiscal_year: fiscalYear, projected, value: Type.String({ description: "in the parameter's unit, as lcff rates prints it" }) }, closed)),
    },
    { ...closed, description: 'a parameter the projection moves: the COLAs (assumed) and what the library derives from them yearly, each year side by side' },
  );

  const projection = Type.Object(
    {
      scenario_year: fiscalYear,
      library_last_year: Type.String({ pattern: '^\\d{4}-\\d{2}$', description: "the last year the rule library holds enacted law for (rules/library.yaml); law after it is projected" }),
      years: Type.Array(Type.Object({ fiscal_year: fiscalYear, projected, law: Type.Unsafe<'enacted' | 'projected'>({ enum: ['enacted', 'projected'], description: 'enacted: the library\'s law of the year; projected: the library extended by the assumptions' }) }, closed)),
      ...projectedLawFields(),
      law: Type.Array(lawValue),
      rounding: Type.Object({ ada: Type.String(), counts: Type.String() }, { ...closed, description: 'how grown ADA and counts are rounded' }),
      not_carried: Type.Array(Type.String(), { description: 'scenario data that a projected year does not have' }),
    },
    closed,
  );

  const totalYear = Type.Object(
    {
      fiscal_year: fiscalYear,
      projected,
      ada: ada,
      transfers: money,
      coe_entitlement: money,
      findings: Type.Object({ error: count, warning: count, info: count }, closed),
    },
    closed,
  );

  const result = Type.Object(
    {
      provenance: Type.Optional(provenanceContract(fiscalYear)),
      county: Type.Object({ code: Type.String({ pattern: '^\\d{2}$' }), name: Type.String() }, closed),
      projection,
      leas: Type.Array(lea),
      coe_entitlement: Type.Object({ components: Type.Array(component), totals: Type.Array(entitlementYear) }, closed),
      totals: Type.Array(totalYear),
      user_supplied: Type.Array(Type.Object({ parameter: Type.String(), member: Type.Optional(Type.String()), year: fiscalYear, value: Type.String(), replaced: Type.String() }, closed), { description: 'values supplied with --set for this projection' }),
      unconfirmed: Type.Array(Type.String(), { uniqueItems: true, description: 'unconfirmed parameter values, formulas or rules any year relied on (projected values are unconfirmed)' }),
    },
    closed,
  );
  return result;
}

export type ProjectionResult = Static<ReturnType<typeof projectionContract>>;
export type ProjectionLea = ProjectionResult['leas'][number];

/** The JSON Schema document (what schemas/projection.schema.json holds). */
export function projectionJsonSchema(v: Vocabulary): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://lcff-rules.example/schemas/projection.schema.json',
      title: 'lcff-rules projection',
      description: 'The JSON result of `lcff project --json` (docs/projections.md). Generated from src/project/result.ts by `npm run schemas`; do not edit.',
      ...projectionContract(v),
    }),
  ) as Record<string, unknown>;
}
