/**
 * JSON Schema checks of the two public contracts (schemas/*.schema.json),
 * with ajv (draft 2020-12). Each schema is compiled once, on first use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { scenarioValidators } from './schema.js';

const Ajv2020 = Ajv2020Module.default;

/** The schemas folder, from src/scenario (tests) or dist/src/scenario (built). */
function schemaPath(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'schemas', name);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`schemas/${name} not found above ${fileURLToPath(import.meta.url)}`);
}

let ajv: InstanceType<typeof Ajv2020> | undefined;
const compiled = new Map<string, ValidateFunction>();

function validator(name: string): ValidateFunction {
  let fn = compiled.get(name);
  if (!fn) {
    ajv ??= new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
    fn = ajv.compile(JSON.parse(readFileSync(schemaPath(name), 'utf8')) as object);
    compiled.set(name, fn);
  }
  return fn;
}

function describe(e: ErrorObject): string {
  const where = e.instancePath || '/';
  if (e.keyword === 'additionalProperties') return `${where}: unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === 'enum') return `${where}: ${e.message} (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})`;
  return `${where}: ${e.message ?? e.keyword}`;
}

function check(name: string, json: unknown): string[] {
  const fn = validator(name);
  if (fn(json)) return [];
  return [...new Set((fn.errors ?? []).map(describe))];
}

/** Problems of a result JSON against schemas/result.schema.json; [] when it conforms. */
export function validateResult(json: unknown): string[] {
  return check('result.schema.json', json);
}

/** Problems of a scenario (as plain JSON data) against schemas/scenario.schema.json (its validator knows the schema's x-lcff annotations). */
export function validateScenarioJson(json: unknown): string[] {
  const fn = scenarioValidators().scenario;
  if (fn(json)) return [];
  return [...new Set((fn.errors ?? []).map(describe))];
}
