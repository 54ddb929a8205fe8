/**
 * The batch contracts as JSON Schema files: generated from
 * src/batch/contract.ts (`lcff run`), compare-contract.ts (`lcff compare`) and
 * project-contract.ts (`lcff project`) with the rule library's enums
 * (`npm run schemas` writes schemas/batch.schema.json,
 * compare-batch.schema.json and project-batch.schema.json beside
 * result.schema.json), validated with the same ajv settings as the result.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import type { Library } from '../semantics/library.js';
import { compileResultSchema, resultSchemaPath, validateResult } from '../run/result-schema.js';
import { vocabulary } from '../run/vocabulary.js';
import type { Vocabulary } from '../run/result.js';
import { batchJsonSchema } from './contract.js';
import { compareBatchJsonSchema } from './compare-contract.js';
import { projectBatchJsonSchema } from './project-contract.js';

/** The batch documents: their schema file's name and generator. */
const KINDS = { run: ['batch', batchJsonSchema], compare: ['compare-batch', compareBatchJsonSchema], project: ['project-batch', projectBatchJsonSchema] } as const satisfies Record<string, readonly [string, (v: Vocabulary) => Record<string, unknown>]>;
export type BatchKind = keyof typeof KINDS;
export const BATCH_KINDS = Object.keys(KINDS) as BatchKind[];

export function batchSchemaPath(kind: BatchKind = 'run'): string {
  return join(dirname(resultSchemaPath()), `${KINDS[kind][0]}.schema.json`);
}

/** The text the schema file of a batch document must hold for this rule library. */
export function batchSchemaText(lib: Library, kind: BatchKind = 'run'): string {
  return `${JSON.stringify(KINDS[kind][1](vocabulary(lib)), null, 2)}\n`;
}

const compiled = new Map<BatchKind, ValidateFunction>();

/** Problems of a batch document against its committed schema file; [] when it conforms. */
export function validateBatch(json: unknown, kind: BatchKind = 'run'): string[] {
  let fn = compiled.get(kind);
  if (!fn) compiled.set(kind, (fn = compileResultSchema(JSON.parse(readFileSync(batchSchemaPath(kind), 'utf8')) as object)));
  return validateResult(json, fn);
}
