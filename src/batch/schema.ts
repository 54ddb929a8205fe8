/**
 * The batch contract as a JSON Schema file: generated from
 * src/batch/contract.ts and the rule library's enums (`npm run schemas`
 * writes schemas/batch.schema.json beside result.schema.json), validated with
 * the same ajv settings as the result.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import type { Library } from '../semantics/library.js';
import { compileResultSchema, resultSchemaPath, validateResult } from '../run/result-schema.js';
import { vocabulary } from '../run/vocabulary.js';
import { batchJsonSchema } from './contract.js';

export function batchSchemaPath(): string {
  return join(dirname(resultSchemaPath()), 'batch.schema.json');
}

/** The text schemas/batch.schema.json must hold for this rule library. */
export function batchSchemaText(lib: Library): string {
  return `${JSON.stringify(batchJsonSchema(vocabulary(lib)), null, 2)}\n`;
}

let compiled: ValidateFunction | undefined;

/** Problems of a batch document against the committed schemas/batch.schema.json; [] when it conforms. */
export function validateBatch(json: unknown): string[] {
  compiled ??= compileResultSchema(JSON.parse(readFileSync(batchSchemaPath(), 'utf8')) as object);
  return validateResult(json, compiled);
}
