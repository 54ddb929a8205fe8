/**
 * The result contract as a JSON Schema file: generated from src/run/result.ts
 * and the rule library's enums (`npm run schemas` writes
 * schemas/result.schema.json), and checked with ajv (draft 2020-12) against
 * the committed file — the contract users read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Library } from '../semantics/library.js';
import { resultJsonSchema } from './result.js';
import { vocabulary } from './vocabulary.js';

const Ajv2020 = Ajv2020Module.default;

/** schemas/result.schema.json, found from src/run (tests) or dist/src/run (built). */
export function resultSchemaPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'schemas', 'result.schema.json');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`schemas/result.schema.json not found above ${fileURLToPath(import.meta.url)}`);
}

/** The text schemas/result.schema.json must hold for this rule library. */
export function resultSchemaText(lib: Library): string {
  return `${JSON.stringify(resultJsonSchema(vocabulary(lib)), null, 2)}\n`;
}

let compiled: ValidateFunction | undefined;

/** Compiles a result schema with the project's ajv settings (strict: an unknown keyword is an error). */
export function compileResultSchema(schema: object): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  return ajv.compile(schema);
}

function describe(e: ErrorObject): string {
  const where = e.instancePath || '/';
  if (e.keyword === 'additionalProperties') return `${where}: unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === 'enum') return `${where}: ${e.message} (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})`;
  return `${where}: ${e.message ?? e.keyword}`;
}

/** Problems of a result (as JSON data) against a compiled schema, or the committed schemas/result.schema.json; [] when it conforms. */
export function validateResult(json: unknown, against?: ValidateFunction): string[] {
  const fn = against ?? (compiled ??= compileResultSchema(JSON.parse(readFileSync(resultSchemaPath(), 'utf8')) as object));
  if (fn(json)) return [];
  return [...new Set((fn.errors ?? []).map(describe))];
}
