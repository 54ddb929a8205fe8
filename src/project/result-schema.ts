/** schemas/projection.schema.json: generated from src/project/result.ts (`npm run schemas`), and what `lcff project --json` output is validated against in tests. */
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { compileResultSchema, resultSchemaPath } from '../run/result-schema.js';
import { vocabulary } from '../run/vocabulary.js';
import type { Library } from '../semantics/library.js';
import { projectionJsonSchema } from './result.js';

/** Beside schemas/result.schema.json. */
export function projectionSchemaPath(): string {
  return join(dirname(resultSchemaPath()), 'projection.schema.json');
}

export function projectionSchemaText(lib: Library): string {
  return `${JSON.stringify(projectionJsonSchema(vocabulary(lib)), null, 2)}\n`;
}

let compiled: ValidateFunction | undefined;

/** Problems of a projection (as JSON data) against the committed schema; [] when it conforms. */
export function validateProjection(json: unknown): string[] {
  const fn = (compiled ??= compileResultSchema(JSON.parse(readFileSync(projectionSchemaPath(), 'utf8')) as object));
  if (fn(json)) return [];
  return [...new Set((fn.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`))];
}
