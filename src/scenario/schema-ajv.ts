/**
 * The ajv that compiles the scenario schema (schema.ts), with the options
 * every scenario validator is compiled with: in one place, for the compiled
 * validators and for their standalone code (src/cache/scenario-validators.ts).
 * ajv is loaded on first use: a run whose validators come from the cache
 * loads only its small runtime helpers.
 */
import { createRequire } from 'node:module';
import type Ajv2020Module from 'ajv/dist/2020.js';

type Ajv2020 = InstanceType<typeof Ajv2020Module.default>;

const require = createRequire(import.meta.url);

export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, ownProperties: true } as const;

/** A new ajv for a schema with the annotation keywords `annotations`; `source`: it keeps the code it generates (for standalone code). */
export function scenarioAjv(annotations: readonly string[], source = false): Ajv2020 {
  const Ajv = (require('ajv/dist/2020.js') as typeof Ajv2020Module).default;
  const ajv = new Ajv({ ...AJV_OPTIONS, ...(source ? { code: { source: true } } : {}) });
  ajv.addVocabulary([...annotations]);
  return ajv;
}

/** ajv's version (part of the cache key of its generated code). */
export function ajvVersion(): string {
  return (require('ajv/package.json') as { version: string }).version;
}

/** ajv's standalone code for the validators of `refs` (schema references), exported as v0, v1, … in that order. */
export function standaloneCode(ajv: Ajv2020, refs: readonly string[]): string {
  const standalone = (require('ajv/dist/standalone/index.js') as { default: (ajv: Ajv2020, refs: Record<string, string>) => string }).default;
  return standalone(ajv, Object.fromEntries(refs.map((r, i) => [`v${i}`, r])));
}

/** A require for generated validator code: ajv's runtime helpers, nothing else. */
export function runtimeRequire(id: string): unknown {
  if (!/^ajv\/dist\/runtime\/[a-z0-9]+$/.test(id)) throw new Error(`generated validator code requires ${id}`);
  return require(id);
}
