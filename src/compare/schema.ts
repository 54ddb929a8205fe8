/** schemas/compare.schema.json: where it is, and validating a comparison against it (ajv, draft 2020-12, as the result schema). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { compileResultSchema } from '../run/result-schema.js';

/** schemas/compare.schema.json, found from src/compare (tests) or dist/src/compare (built); the folder schemas/ when the file is not written yet. */
export function compareSchemaPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'schemas', 'result.schema.json'))) return join(dir, 'schemas', 'compare.schema.json');
    dir = dirname(dir);
  }
  throw new Error(`schemas/ not found above ${fileURLToPath(import.meta.url)}`);
}

let compiled: ValidateFunction | undefined;

/** Problems of a comparison (as JSON data) against the committed schemas/compare.schema.json; [] when it conforms. */
export function validateCompare(json: unknown): string[] {
  const fn = (compiled ??= compileResultSchema(JSON.parse(readFileSync(compareSchemaPath(), 'utf8')) as object));
  if (fn(json)) return [];
  return [...new Set((fn.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`))];
}
