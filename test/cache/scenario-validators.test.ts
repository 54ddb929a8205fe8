/**
 * The scenario schema's validators as cached ajv standalone code
 * (src/cache/scenario-validators.ts): they give the verdicts and errors of
 * the compiled schema, and an entry that is corrupt, for another schema,
 * evaluates to nothing usable or requires anything but ajv's runtime is never
 * used; a cache folder that cannot be written costs nothing but the entry.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { useTempCache } from '../helpers/temp-cache.js';
import { cachedValidators, validatorsKey } from '../../src/cache/scenario-validators.js';
import { scenarioAjv } from '../../src/scenario/schema-ajv.js';
import { ANNOTATIONS, committedSchema, committedVocabularies, validatorRefs, withVocabularies } from '../../src/scenario/schema.js';
import { ROOT } from '../helpers/library.js';

const dir = useTempCache('lcff-validators-');

const schema = withVocabularies(committedSchema(), committedVocabularies());
const refs = validatorRefs(schema);
const id = String(schema.$id);
const example = parse(readFileSync(join(ROOT, 'examples/2019-20-county-charter/scenario.yaml'), 'utf8')) as Record<string, unknown>;
const student = (example.students as Array<Record<string, unknown>>)[0];

/** Documents for each validator: sound ones and hostile ones. */
const documents: Record<string, unknown[]> = {
  [id]: [example, {}, null, [], 'x', { ...example, fiscal_year: 2019 }, { ...example, extra: 1 }, { ...example, students: [{ ...student, ada: '-1' }, { ...student, basis: ['nope'] }, 7] }, { ...example, schools: { '\u202e': {} } }],
  [`${id}#/$defs/student`]: [student, { ...student, ada: '1.234' }, { ...student, grade: 'K' }, { ...student, id: '' }, { id: 'S1' }, { ...student, __proto__: { ada: 1 } }],
  [`${id}#/$defs/columnMap`]: [{ id: 'SSID' }, { id: 7 }, { nope: 'x' }, []],
  [`${id}#/$defs/assumptions`]: [{ cola: { '2026-27': '2.5%' } }, { cola: 3 }, { nope: true }],
};
const cellValues = ['1.00', '-1', 'abc', '', true, false, null, 12.5, 0, ['x'], { a: 1 }];

/** The verdict and errors of each document, by each validator. */
function outcomes(get: (ref: string) => ValidateFunction): unknown[] {
  const out: unknown[] = [];
  for (const ref of refs) {
    const fn = get(ref);
    for (const doc of documents[ref] ?? cellValues) {
      const valid = fn(doc);
      out.push({ ref, valid, errors: fn.errors ?? null });
    }
  }
  return out;
}

function compiled(): unknown[] {
  const ajv = scenarioAjv(ANNOTATIONS);
  ajv.addSchema(schema);
  return outcomes((ref) => ajv.getSchema(ref)!);
}

const entryFile = (): string => join(dir(), readdirSync(dir()).find((n) => n.startsWith('validators-'))!);
const checksum = (body: string): string => createHash('sha256').update(body).digest('hex');

describe('cached scenario validators', () => {
  it('judge every document as the compiled schema does, with the same errors, made and read back', () => {
    const expected = compiled();
    const made = cachedValidators(schema, ANNOTATIONS, refs)!;
    expect(readdirSync(dir())).toEqual([`validators-${validatorsKey(schema, ANNOTATIONS, refs)}.json`]);
    expect(outcomes((r) => made.get(r)!)).toEqual(expected);
    const read = cachedValidators(schema, ANNOTATIONS, refs)!;
    expect(read.get(id)).not.toBe(made.get(id));
    expect(outcomes((r) => read.get(r)!)).toEqual(expected);
    // the example is valid and the hostile documents are not: the comparison is not vacuous
    expect(made.get(id)!(example)).toBe(true);
    expect(expected.filter((o) => (o as { valid: boolean }).valid === false).length).toBeGreaterThan(20);
  });

  it('are off with the cache: nothing is written and the caller compiles', () => {
    process.env.LCFF_NO_CACHE = '1';
    expect(cachedValidators(schema, ANNOTATIONS, refs)).toBeUndefined();
    expect(readdirSync(dir())).toEqual([]);
  });

  it('other vocabularies are another schema: another entry, never the first one', () => {
    cachedValidators(schema, ANNOTATIONS, refs);
    const vocab = new Map(committedVocabularies());
    const [name, members] = [...vocab][0];
    vocab.set(name, [...members, 'another_member']);
    const other = withVocabularies(committedSchema(), vocab);
    const found = cachedValidators(other, ANNOTATIONS, validatorRefs(other))!;
    expect(readdirSync(dir())).toHaveLength(2);
    const ajv = scenarioAjv(ANNOTATIONS);
    ajv.addSchema(other);
    const doc = { ...example, students: [{ ...student, basis: ['another_member'] }] };
    expect(found.get(id)!(doc)).toBe(ajv.getSchema(id)!(doc));
  });

  it('never uses an entry that is corrupt, for other references, or whose code fails, lacks a validator or requires more than ajv runtime', () => {
    const expected = compiled();
    cachedValidators(schema, ANNOTATIONS, refs);
    const file = entryFile();
    const original = readFileSync(file, 'utf8');
    const body = JSON.parse(original.slice(original.indexOf('\n') + 1)) as { refs: string[]; code: string };
    const sealed = (value: unknown): string => {
      const text = JSON.stringify(value);
      return `lcff-cache 1 ${checksum(text)}\n${text}`;
    };
    const hostile = [
      original.slice(0, -20), // truncated
      original.replace('"refs"', '"refz"'), // changed under its checksum
      sealed({ ...body, refs: body.refs.slice(1) }), // made for other references
      sealed({ ...body, code: 'throw new Error("no")' }), // code that throws
      sealed({ ...body, code: body.code.replace('exports.v0 =', 'exports.w0 =') }), // a validator missing
      sealed({ ...body, code: `require("node:fs");${body.code}` }), // requires more than ajv's runtime
      sealed({ ...body, code: 'exports.v0 = 1' }), // not functions
      sealed({ ...body, extra: true }), // another shape
    ];
    for (const text of hostile) {
      expect(text).not.toBe(original);
      writeFileSync(file, text);
      const found = cachedValidators(schema, ANNOTATIONS, refs)!;
      expect(outcomes((r) => found.get(r)!)).toEqual(expected);
      expect(readFileSync(file, 'utf8')).toBe(original); // made again and rewritten
    }
  }, 60_000);

  it('work when the cache folder cannot be made or written: nothing is kept', () => {
    const expected = compiled();
    const blocker = join(dir(), 'a-file');
    writeFileSync(blocker, 'not a folder');
    process.env.LCFF_CACHE_DIR = join(blocker, 'cache'); // mkdir fails (ENOTDIR), as for a read-only or missing parent
    const found = cachedValidators(schema, ANNOTATIONS, refs)!;
    expect(outcomes((r) => found.get(r)!)).toEqual(expected);
    expect(readdirSync(dir())).toEqual(['a-file']);
  });
});
