/**
 * The parts every batch contract shares (`lcff run`, `lcff compare` and
 * `lcff project` over many scenarios): a scenario row's position, path,
 * status, exit code, year and county; a run that failed; the JSON Schema
 * document around $defs. One place, so the three documents say the same
 * thing the same way.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { EXIT } from '../cli/errors.js';
import { closed, oneOf, ref } from '../run/result.js';

/** What became of one scenario, named as the exit code it stands for (src/cli/errors.ts): ran (0), ran and --fail-on matched (1, `lcff run` only), bad input (2), fatal run error (3). */
export const BATCH_STATUSES = Object.keys(EXIT) as Array<keyof typeof EXIT>;

export function scenarioRowBase<Y extends TSchema>(fiscalYear: Y) {
  const status = oneOf(BATCH_STATUSES, 'ok: ran; findings: ran, and --fail-on found a finding of that severity (lcff run); input: the scenario could not be read (exit 2 kind); fatal: a fatal run error (exit 3 kind)');
  const county = Type.Object({ code: Type.String({ pattern: '^\\d{2}$' }), name: Type.String() }, closed);
  const exitCode = Type.Integer({ minimum: 0, maximum: 3, description: 'the exit code: the highest of the scenarios\'' });
  const fields = {
    index: Type.Integer({ minimum: 1, description: 'the position of the scenario in the batch, from 1' }),
    scenario: Type.String({ minLength: 1, description: 'the scenario as given, or found in a folder of scenarios' }),
    status: ref('batchStatus', status),
    exit_code: Type.Integer({ minimum: 0, maximum: 3, description: 'what the command on this scenario alone exits with' }),
    fiscal_year: Type.Optional(ref('fiscalYear', fiscalYear)),
    county: Type.Optional(ref('county', county)),
  };
  const error = Type.Optional(Type.String({ minLength: 1, description: 'why the scenario did not run (one line per problem), or which findings --fail-on matched' }));
  return { status, county, exitCode, fields, error };
}

/** A scenario of the batch that has no result: its status and the error. */
export function errorRun(status: TSchema) {
  return Type.Object({ scenario: Type.String({ minLength: 1 }), error: Type.Object({ status: ref('batchStatus', status), message: Type.String({ minLength: 1 }) }, closed) }, closed);
}

/** A JSON Schema file (draft 2020-12) of a batch document: `schemas/<name>.schema.json`; JSON round trip drops TypeBox's symbol-keyed markers. */
export function jsonSchemaDocument(name: string, title: string, description: string, document: TSchema, defs: Record<string, TSchema>): Record<string, unknown> {
  return JSON.parse(JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `https://lcff-rules.example/schemas/${name}.schema.json`, title, description, ...document, $defs: defs })) as Record<string, unknown>;
}
