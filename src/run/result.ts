/**
 * The result of a run (design.md "The result"): the public JSON contract,
 * decimals as fixed-place strings. It is written once, here, with TypeBox:
 * the TypeScript types below are derived from it, and
 * `schemas/result.schema.json` is generated from it (`npm run schemas`;
 * a test fails when the committed file differs). The vocabularies a result
 * uses — funding categories, grade spans, transfer bases — are the rule
 * library's enums (rules/enums.lcff), passed in as a `Vocabulary`.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { SEVERITIES, type Severity } from './severity.js';

/** The enum members of the rule library a result draws on (see vocabulary.ts). */
export interface Vocabulary {
  categories: readonly string[];
  spans: readonly string[];
  bases: readonly string[];
}

/** Severities of findings, most severe first (severity.ts). */
export { SEVERITIES, type Severity };

const LEA_KINDS = ['coe', 'district', 'charter'] as const;
const CALPADS_FILES = ['SENR', 'SINF'] as const;

/** A string schema listing its values as a JSON Schema `enum`. */
export function oneOf<const T extends readonly string[]>(values: T, description?: string) {
  return Type.Unsafe<T[number]>({ enum: [...values], ...(description ? { description } : {}) });
}

/** A reference to a definition of `$defs`, typed as that definition. */
export function ref<T extends TSchema>(name: string, _def: T) {
  return Type.Unsafe<Static<T>>({ $ref: `#/$defs/${name}` });
}

export const closed = { additionalProperties: false } as const;

/** The hash of a set of rule files (src/params/library-hash.ts). */
const libraryHash = Type.String({ pattern: '^sha256:[0-9a-f]{64}$', description: 'SHA-256 over the sorted relative paths and bytes of every file loaded (src/params/library-hash.ts)' });

/**
 * Where an output comes from (docs/outputs.md, "Provenance"): which law —
 * the rule library's content hash, the reform and the overrides applied —,
 * which program and when. Every output of the lcff command carries it
 * (JSON, CSV, HTML, workbook, terminal); src/report/provenance.ts words it.
 */
/** `year`: the schema of a fiscal year as the embedding contract writes it (a $ref to its own definition, or the definition inline). */
export function provenanceContract(year: TSchema) {
  return Type.Object(
    {
      library: Type.Object(
        {
          hash: libraryHash,
          files: Type.Integer({ minimum: 0, description: 'how many rule, parameter, manifest, sources and label files the hash covers' }),
          path: Type.String({ minLength: 1, description: 'the rule folder as given with --rules, or "rules" for the bundled library' }),
          bundled: Type.Boolean({ description: "true for the rule library shipped with lcff-rules" }),
          name: Type.Optional(Type.String({ description: "the library's name (rules/library.yaml)" })),
          first_year: year,
          last_year: year,
        },
        { ...closed, description: 'the rule library, including any reform overlaid on it' },
      ),
      reform: Type.Union(
        [
          Type.Null(),
          Type.Object({ path: Type.String({ minLength: 1 }), hash: libraryHash, files: Type.Integer({ minimum: 0 }) }, closed),
        ],
        { description: 'the reform folder overlaid on the library (its files are in library.hash too), or null for the law as the library holds it' },
      ),
      package: Type.Object(
        {
          name: Type.String({ minLength: 1 }),
          version: Type.String({ minLength: 1 }),
          git_revision: Type.Union([Type.String({ pattern: '^[0-9a-f]{40}([0-9a-f]{24})?$' }), Type.Null()], { description: 'the commit of the lcff-rules checkout, or null when run without one (an npm package)' }),
        },
        { ...closed, description: 'the lcff-rules program that produced the output' },
      ),
      overrides: Type.Array(Type.String({ minLength: 1 }), { description: 'the --set overrides applied, as parameter[.member]@year=value; details in user_supplied' }),
      unconfirmed: Type.Integer({ minimum: 0, description: 'how many unconfirmed values, formulas or rules of the library the output relied on (listed in the output)' }),
      evaluator: Type.Optional(oneOf(['engine', 'fast', 'kernel'] as const, 'json-rules-engine, the compiled closures (fast) or the generated kernel; absent for outputs that evaluate no rules')),
      ran_at: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$', description: 'when the output was produced, UTC, to the second' }),
      ran_at_from: oneOf(['clock', 'SOURCE_DATE_EPOCH'] as const, 'the clock, or the SOURCE_DATE_EPOCH environment variable (reproducible outputs)'),
    },
    { ...closed, description: 'where this output comes from: the law (library hash, reform, overrides), the program and when it ran; present in every output of the lcff command' },
  );
}

/** The contract as TypeBox schemas: `$defs` and the result object that refers to them. */
export function resultContract(v: Vocabulary) {
  const fiscalYear = Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'a fiscal year, 2019-20' });
  const cds = Type.String({ pattern: '^\\d{7}$', description: 'a 7-digit county-district code' });
  const money = Type.String({ pattern: '^-?\\d+\\.\\d{2}$', description: 'dollars, two decimals' });
  const ada = Type.String({ pattern: '^\\d+\\.\\d{2}$', description: 'ADA, two decimals, never negative' });
  const signedAda = Type.String({ pattern: '^-?\\d+\\.\\d{2}$', description: 'a change of ADA, two decimals' });
  const upp = Type.String({ pattern: '^(0\\.\\d{4}|1\\.0000)$', description: 'an unduplicated pupil percentage as a fraction from 0.0000 to 1.0000 (0.7501 = 75.01%), four decimals' });
  const count = Type.Integer({ minimum: 0, description: 'a count of students' });
  const cite = Type.String({ minLength: 1, description: 'the statute or FAQ question the rule follows' });
  const rule = Type.String({ minLength: 1, description: 'decision.rule that decided' });
  const category = oneOf(v.categories, 'funding category (rules/enums.lcff funding_category)');
  const gradeSpan = oneOf(v.spans, 'grade span (rules/enums.lcff grade_span)');

  const beforeAfterAda = Type.Object({ before: ref('ada', ada), after: ref('ada', ada) }, closed);
  const beforeAfterCount = Type.Object({ before: ref('count', count), after: ref('count', count) }, closed);

  const student = Type.Object(
    {
      id: Type.String({ minLength: 1 }),
      category: ref('category', category),
      credited_to: ref('cds', cds),
      rule: ref('rule', rule),
      cite: ref('cite', cite),
      expected_transfer_codes: Type.Array(Type.String({ pattern: '^\\d$' }), { uniqueItems: true, description: 'the CALPADS Student School Transfer Codes correct for the student; [] where none is required' }),
      census_day: Type.Boolean(),
      ada: ref('ada', ada),
    },
    closed,
  );

  const categorySummary = Type.Object(
    {
      category: ref('category', category),
      label: Type.String({ description: "the category's label in the rule library" }),
      students: ref('count', count),
      census_day: ref('count', count),
      ada: ref('ada', ada),
    },
    { ...closed, description: 'students by funding category, every category of the rule library in its order' },
  );

  const spanRates = Type.Object({ base: ref('money', money), supplemental: ref('money', money), concentration: ref('money', money), total: ref('money', money) }, closed);
  const rates = Type.Unsafe<Record<string, Static<typeof spanRates>>>({
    type: 'object',
    description: "per-ADA LCFF rate components by grade span at the district's rolling UPP after adjustments",
    propertyNames: { $ref: '#/$defs/gradeSpan' },
    required: [...v.spans],
    additionalProperties: { $ref: '#/$defs/spanRates' },
  });

  const lea = Type.Object(
    {
      cds: ref('cds', cds),
      kind: oneOf(LEA_KINDS),
      name: Type.String(),
      ada: ref('beforeAfterAda', beforeAfterAda),
      enrollment: ref('beforeAfterCount', beforeAfterCount),
      unduplicated: ref('beforeAfterCount', beforeAfterCount),
      upp: Type.Object(
        {
          before: ref('upp', upp),
          after: ref('upp', upp),
          rolling_before: ref('upp', upp),
          rolling_after: ref('upp', upp),
          window_years: Type.Integer({ minimum: 1, description: 'years in the rolling UPP window, the current one included (rules/county-programs/upp-window.lcff)' }),
        },
        closed,
      ),
      rates: Type.Optional(rates),
    },
    { ...closed, description: 'an LEA: ADA, enrollment and unduplicated count credited before and after county-program adjustments; rates for districts' },
  );

  const transfer = Type.Object(
    {
      from: ref('cds', cds),
      to: ref('cds', cds),
      grade_span: ref('gradeSpan', gradeSpan),
      ada: ref('ada', ada),
      rate_per_ada: ref('money', money),
      amount: ref('money', money),
      basis: oneOf(v.bases, 'how the money moves (rules/enums.lcff transfer_basis)'),
      reason: Type.String(),
      rule: ref('rule', rule),
      cite: ref('cite', cite),
    },
    { ...closed, description: "one grade span of a district's District Funded County Program ADA and what it transfers to the COE (EC 2576)" },
  );

  const finding = Type.Object(
    {
      code: Type.String({ pattern: '^LCFF-[A-Z]\\d{3}$' }),
      severity: oneOf(SEVERITIES),
      subject: Type.String({ minLength: 1, description: 'a student id, an LEA code, or an aggregate check name' }),
      message: Type.String({ minLength: 1 }),
      rule: ref('rule', rule),
      cite: ref('cite', cite),
    },
    closed,
  );

  const entry = Type.Object(
    {
      lea: ref('cds', cds),
      side: oneOf(['payer', 'payee'] as const),
      goal: Type.Optional(Type.String({ pattern: '^\\d{4}$' })),
      object: Type.String({ pattern: '^\\d{4}$' }),
      amount: ref('money', money),
      counterparty: Type.String({ pattern: '^\\d{7}$', description: 'the other side of the payment' }),
      cite: ref('cite', cite),
    },
    { ...closed, description: 'a SACS accounting entry as one side records the payment' },
  );

  const aeg = Type.Object(
    {
      known: Type.Boolean({ description: 'false when the library has no AEG rates for the year (amounts are then 0.00)' }),
      ada: ref('ada', ada),
      funded_ada: Type.Optional(ref('ada', ada)),
      funded_ada_note: Type.Optional(Type.String({ description: 'which AEG ADA is funded (the greatest of current, prior and three-year average from 2023-24)' })),
      upp: ref('upp', upp),
      base: ref('money', money),
      supplemental: ref('money', money),
      concentration: ref('money', money),
      total: ref('money', money),
      note: Type.String(),
      missing_parameter: Type.Optional(Type.String({ description: 'the parameter with no value this year (value: unknown) that kept the AEG from being computed' })),
      rule: Type.String({ description: 'decision.rule that decided; empty when no rule of the decision is in force' }),
      cite: Type.String(),
    },
    { ...closed, description: "the COE's Alternative Education Grant" },
  );

  const entitlementComponent = Type.Object(
    {
      name: Type.String({ minLength: 1 }),
      computed: Type.Boolean({ description: 'false when an input or a parameter value is missing (amount is then 0.00 and note says why)' }),
      amount: ref('money', money),
      inputs: Type.String({ description: 'the scenario inputs the component used' }),
      rate: Type.String({ description: 'the parameter values the component used, with the year of each' }),
      note: Type.String(),
      rule: Type.String(),
      cite: Type.String(),
    },
    closed,
  );

  const coeEntitlement = Type.Object(
    {
      components: Type.Array(ref('entitlementComponent', entitlementComponent)),
      total: ref('money', money),
      complete: Type.Boolean({ description: 'true when every component was computed' }),
      missing: Type.Array(Type.String({ minLength: 1 }), { description: 'inputs and parameter values missing, and what they keep from being computed' }),
      not_modelled: Type.Array(Type.Object({ item: Type.String(), reason: Type.String(), cite: ref('cite', cite) }, closed)),
    },
    { ...closed, description: "the COE's LCFF entitlement: operations grant, AEG and add-ons (the target; the County LCFF Floor is not computed)" },
  );

  const priorYearAdjustment = Type.Object(
    {
      district: ref('cds', cds),
      fiscal_year: ref('fiscalYear', fiscalYear),
      applied_in: ref('fiscalYear', fiscalYear),
      audit_reference: Type.String({ minLength: 1 }),
      enrollment_change: Type.Integer(),
      unduplicated_change: Type.Integer(),
      ada_change: Type.Optional(ref('signedAda', signedAda)),
      applies: Type.Boolean({ description: 'true when the correction becomes a prior-year adjustment' }),
      affects: Type.String({ description: 'what the correction changes, in words' }),
      rule: ref('rule', rule),
      cite: ref('cite', cite),
    },
    { ...closed, description: 'a correction after the Fall 1 amendment window: fiscal_year is the year it corrects, applied_in the year computed; the changes as the scenario gave them' },
  );

  const conservation = Type.Object(
    {
      ada_in: ref('ada', ada),
      ada_out: ref('ada', ada),
      enrollment_in: ref('count', count),
      enrollment_out: ref('count', count),
      upc_in: ref('count', count),
      upc_out: ref('count', count),
      transfers_net: Type.String({ pattern: '^-?\\d+\\.\\d{2}$', description: 'sum of amounts paid minus received across all LEAs: 0.00 when money is conserved' }),
    },
    closed,
  );

  const calpads = Type.Object(
    {
      file: oneOf(CALPADS_FILES),
      transfer_code_field: Type.String({ pattern: '^\\d+\\.\\d{2}$' }),
      residence_field: Type.String({ pattern: '^\\d+\\.\\d{2}$' }),
      rule: ref('rule', rule),
      cite: ref('cite', cite),
    },
    { ...closed, description: 'where the COE reports the Student School Transfer Code and the District of Geographic Residence that year' },
  );

  const userSupplied = Type.Object(
    {
      parameter: Type.String({ minLength: 1 }),
      member: Type.Optional(Type.String({ minLength: 1, description: 'the breakdown member set, for a parameter broken down by an enum' })),
      year: ref('fiscalYear', fiscalYear),
      value: Type.String({ minLength: 1, description: 'the value as the user wrote it, in the parameter\'s unit' }),
      replaced: Type.String({ minLength: 1, description: 'the library\'s value in force that year, or "unknown" when the library has none' }),
    },
    { ...closed, description: 'a parameter value the user supplied for this run' },
  );

  const provenance = provenanceContract(ref('fiscalYear', fiscalYear));

  const result = Type.Object(
    {
      provenance: Type.Optional(ref('provenance', provenance)),
      fiscal_year: ref('fiscalYear', fiscalYear),
      county: Type.Object({ code: Type.String({ pattern: '^\\d{2}$' }), name: Type.String() }, closed),
      calpads: ref('calpads', calpads),
      categories: Type.Array(ref('categorySummary', categorySummary)),
      students: Type.Array(ref('student', student)),
      leas: Type.Array(ref('lea', lea)),
      transfers: Type.Array(ref('transfer', transfer)),
      findings: Type.Array(ref('finding', finding)),
      accounting: Type.Array(ref('entry', entry)),
      aeg: ref('aeg', aeg),
      coe_entitlement: ref('coeEntitlement', coeEntitlement),
      prior_year_adjustments: Type.Array(ref('priorYearAdjustment', priorYearAdjustment)),
      unconfirmed: Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true, description: 'names of unconfirmed parameter values, formulas or rules this result relied on' }),
      user_supplied: Type.Array(ref('userSupplied', userSupplied), { description: 'parameter values supplied for this run (--set, or a test case\'s set:) in place of the library\'s; values derived from them are re-derived' }),
      conservation: ref('conservation', conservation),
    },
    closed,
  );

  const defs = {
    fiscalYear, cds, money, ada, signedAda, upp, count, cite, rule, category, gradeSpan,
    beforeAfterAda, beforeAfterCount, student, categorySummary, spanRates, lea, transfer, finding, entry, aeg, entitlementComponent, coeEntitlement, priorYearAdjustment, conservation, calpads, userSupplied, provenance,
  };
  return { defs, result };
}

type Contract = ReturnType<typeof resultContract>;
type Def<K extends keyof Contract['defs']> = Static<Contract['defs'][K]>;

export type RunResult = Static<Contract['result']>;
export type StudentResult = Def<'student'>;
export type CategorySummary = Def<'categorySummary'>;
export type LeaResult = Def<'lea'>;
export type SpanRate = Def<'spanRates'>;
export type TransferResult = Def<'transfer'>;
export type FindingResult = Def<'finding'>;
export type AccountingEntry = Def<'entry'>;
export type AegResult = Def<'aeg'>;
export type CoeEntitlement = Def<'coeEntitlement'>;
export type EntitlementComponent = Def<'entitlementComponent'>;
export type PriorYearAdjustment = Def<'priorYearAdjustment'>;
export type Conservation = Def<'conservation'>;
export type CalpadsFields = Def<'calpads'>;
export type UserSuppliedResult = Def<'userSupplied'>;
export type Provenance = Def<'provenance'>;
/** A result as the lcff command publishes it: with its provenance. */
export type PublishedResult = RunResult & { provenance: Provenance };

/** The records of the contract a report writes as table rows. */
export type RecordName = 'student' | 'categorySummary' | 'transfer' | 'finding' | 'entry' | 'priorYearAdjustment' | 'userSupplied' | 'entitlementComponent';

/** The field names of a record of the contract, in contract order (the columns of its CSV table). */
export function fieldsOf(record: RecordName): string[] {
  return Object.keys(resultContract({ categories: [], spans: [], bases: [] }).defs[record].properties);
}

/** The JSON Schema document of the contract (what `schemas/result.schema.json` holds). */
export function resultJsonSchema(v: Vocabulary): Record<string, unknown> {
  const { defs, result } = resultContract(v);
  // JSON round trip: drops TypeBox's symbol-keyed markers
  return JSON.parse(
    JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://lcff-rules.example/schemas/result.schema.json',
      title: 'lcff-rules result',
      description:
        "The JSON result of `lcff run --json` (design.md, 'The result'). Generated from src/run/result.ts by `npm run schemas`; do not edit. Decimals are strings with fixed places: ADA, money and per-ADA rates to two decimals, unduplicated pupil percentages (fractions) to four. Byte-identical for the same inputs.",
      ...result,
      $defs: defs,
    }),
  ) as Record<string, unknown>;
}
