/**
 * The result of `lcff compare` (docs/reforms.md, "Comparing"): one scenario
 * run on two sides of the law, the law that differs between them, and every
 * figure that changed with the law that caused it. The public JSON contract,
 * written once here with TypeBox: the types are derived from it and
 * `schemas/compare.schema.json` is generated from it (`npm run schemas`).
 */
import { Type, type Static } from '@sinclair/typebox';

import { projectedLawFields } from '../project/result.js';
import { provenanceContract } from '../run/result.js';

const closed = { additionalProperties: false } as const;

const fiscalYear = Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'a fiscal year, 2019-20' });

const projectedSide = Type.Object(
  {
    library_last_year: Type.String({ pattern: '^\\d{4}-\\d{2}$', description: "the last year the side's library holds enacted law for; its law after it is projected" }),
    years: Type.Array(fiscalYear, { minItems: 1, description: 'the years past library_last_year the law was extended through, up to the scenario\'s' }),
    ...projectedLawFields(),
  },
  { ...closed, description: "side a holds no law for the scenario's year: it ran the library extended past its last year by the assumed COLA, as lcff project does (docs/projections.md); every figure of side a is projected" },
);

const side = Type.Object(
  {
    label: Type.String({ minLength: 1, description: 'how the side is called in the output: "library", "reform", "against"' }),
    rules: Type.String({ minLength: 1, description: 'the rule library the side ran: a folder, or a git revision of rules/' }),
    reform: Type.Optional(Type.String({ minLength: 1, description: 'the reform folder overlaid on the library' })),
    reform_files: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'the files the reform loaded' })),
    set: Type.Array(Type.String({ minLength: 1 }), { description: 'the --set overrides applied, as written' }),
    projection: Type.Optional(projectedSide),
    provenance: Type.Optional(provenanceContract(fiscalYear)),
  },
  closed,
);

const versionAt = Type.Object({ effective: Type.String(), cite: Type.Array(Type.String()), source: Type.String({ description: 'file:line of the version' }) }, closed);

const ruleChange = Type.Object(
  {
    kind: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
    what: Type.Union([Type.Literal('rule'), Type.Literal('formula')]),
    name: Type.String({ minLength: 1, description: 'decision.rule, or the formula name' }),
    from: Type.Optional(versionAt),
    to: Type.Optional(versionAt),
  },
  closed,
);

const valueChange = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    from: Type.String(),
    to: Type.String(),
    cite: Type.String(),
    status: Type.String(),
    note: Type.Optional(Type.String()),
    user_supplied: Type.Optional(Type.Boolean({ description: 'the new value was supplied with --set' })),
  },
  closed,
);

const cause = Type.Object(
  {
    kind: Type.Union([Type.Literal('parameter'), Type.Literal('rule'), Type.Literal('formula')]),
    name: Type.String({ minLength: 1, description: 'the parameter, decision.rule or formula whose law differs between the sides' }),
    traced: Type.Boolean({ description: "true when the side's trace (or the formula that computes the figure) shows this subject used it; false when only the run as a whole did" }),
  },
  closed,
);

const delta = Type.Object(
  {
    subject_kind: Type.Union([Type.Literal('lea'), Type.Literal('transfer'), Type.Literal('student'), Type.Literal('coe'), Type.Literal('finding')]),
    subject: Type.String({ minLength: 1, description: 'an LEA code, "<district> <grade span>" for a transfer, a student id, "coe", or "<code> <subject>" for a finding' }),
    name: Type.String({ description: "the LEA's name, when the subject is an LEA or a transfer" }),
    field: Type.String({ minLength: 1, description: 'the figure, as a path in the run result: rates.g4_6.total, amount, category, components.Alternative Education Grant.amount' }),
    a: Type.String({ description: 'the figure on side a; "" when the subject is not on that side' }),
    b: Type.String({ description: 'the figure on side b' }),
    change: Type.Optional(Type.String({ pattern: '^-?\\d+(\\.\\d+)?$', description: 'b − a, exact, when both are numbers' })),
    a_projected: Type.Optional(Type.Literal(true, { description: 'the figure a is projected: side a ran as a projection (a.projection)' })),
    causes: Type.Array(cause, { description: 'the law that differs between the sides and that this figure used; [] when none is found' }),
  },
  closed,
);

const total = Type.Object({ a: Type.String(), b: Type.String(), change: Type.String(), a_projected: Type.Optional(Type.Literal(true, { description: 'a is projected (a.projection)' })) }, closed);

export const compareContract = Type.Object(
  {
    scenario: Type.String({ minLength: 1 }),
    fiscal_year: fiscalYear,
    a: side,
    b: side,
    law: Type.Object({ rules: Type.Array(ruleChange), values: Type.Array(valueChange) }, { ...closed, description: 'the law of side b against side a in the fiscal year (as lcff diff)' }),
    deltas: Type.Array(delta),
    totals: Type.Object(
      {
        transfers: total,
        coe_entitlement: total,
      },
      { ...closed, description: 'the sum of transfer amounts and the COE entitlement total on each side' },
    ),
  },
  closed,
);

export type CompareResult = Static<typeof compareContract>;
export type CompareDelta = Static<typeof delta>;
export type CompareCause = Static<typeof cause>;
export type CompareSide = Static<typeof side>;

/** The text schemas/compare.schema.json holds. */
export function compareSchemaText(): string {
  // JSON round trip: drops TypeBox's symbol-keyed markers
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://lcff-rules.example/schemas/compare.schema.json',
    title: 'lcff-rules compare result',
    description: 'The JSON result of `lcff compare --json` (docs/reforms.md). Generated from src/compare/result.ts by `npm run schemas`; do not edit. Figures are the run result\'s fixed-place strings; a change is b − a, exact.',
    ...compareContract,
  };
  return `${JSON.stringify(JSON.parse(JSON.stringify(schema)), null, 2)}\n`;
}
