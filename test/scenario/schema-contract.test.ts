/**
 * One contract for scenario input (issue #7): schemas/scenario.schema.json is
 * what the loader validates with; its enums of enrollment bases and school
 * kinds are the rule library's (generated, never a second hand-kept copy);
 * every failure it can report has a stable S code; CSV columns derive from
 * its student definition.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvColumns } from '../../src/scenario/csv-students.js';
import { ScenarioCodes as C } from '../../src/scenario/diagnostic-codes.js';
import { committedSchema, generateScenarioSchema, scenarioSchemaFile, vocabulariesOf, vocabularyNames } from '../../src/scenario/schema.js';
import { bundledLibrary, bundledSources, libraryWith, ROOT } from '../helpers/library.js';
import { buildLibrary } from '../../src/semantics/workspace.js';
import { load, variant } from './helpers.js';

describe('the committed schema is generated from the rule library', () => {
  it('equals what npm run schemas writes (run it after changing rules/enums.lcff)', async () => {
    const lib = await bundledLibrary();
    expect(readFileSync(scenarioSchemaFile(), 'utf8')).toBe(generateScenarioSchema(lib));
  });

  it('names the library enums it holds', () => {
    expect(vocabularyNames().sort()).toEqual(['enrollment_basis', 'school_kind']);
  });

  it('src/scenario keeps no copy of those vocabularies (no file quotes two of their members)', async () => {
    const vocab = vocabulariesOf(await bundledLibrary());
    const dir = join(ROOT, 'src/scenario');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const [name, members] of vocab) {
        const quoted = members.filter((m) => text.includes(`'${m}'`) || text.includes(`"${m}"`));
        expect(quoted.length, `${f} quotes ${quoted.join(', ')} of ${name}`).toBeLessThan(2);
      }
    }
  });
});

describe('the loader validates with the vocabularies of the library it runs', () => {
  it('a library with another basis accepts it, the bundled one refuses it', async () => {
    const sources = (await bundledSources()).map((s) => (s.file.endsWith('enums.lcff') ? { ...s, text: s.text.replace('  none "No stated basis"', '  court_ordered "Placed by a court order"\n  none "No stated basis"') } : s));
    const other = buildLibrary(sources);
    expect(other.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const text = variant('basis: [wic_602]', 'basis: [court_ordered]');
    expect((await load(text, '/tmp/s.yaml', { vocabularies: vocabulariesOf(other) })).lines).toEqual([]);
    const bundled = await load(text, '/tmp/s.yaml', { vocabularies: vocabulariesOf(await bundledLibrary()) });
    expect(bundled.codes).toEqual([C.unknownBasis]);
  });

  it('a library without the enum is a clear error of the caller', async () => {
    const sources = (await bundledSources()).map((s) => (s.file.endsWith('enums.lcff') ? { ...s, text: s.text.replace('enum school_kind', 'enum school_kinds') } : s));
    expect(() => vocabulariesOf(buildLibrary(sources))).toThrow(/declares no enum school_kind/);
  });

  it('libraryWith keeps the bundled vocabularies', async () => {
    const lib = await libraryWith([]);
    expect(vocabulariesOf(lib).get('school_kind')).toEqual(['juvenile_court', 'county_community', 'special_education', 'opportunity', 'specialized_secondary', 'other']);
  });
});

describe('every failure the schema reports has a stable S code', () => {
  const VALUE_KEYWORDS = ['pattern', 'enum', 'const', 'minLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'uniqueItems', 'dependentRequired'];
  const codes = new Set<string>(Object.values(C));

  function walk(node: unknown, path: string, out: Array<{ path: string; keyword: string; code?: string }>, inherited?: string): void {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${path}/${i}`, out));
    else if (node !== null && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      const ann = o['x-lcff'] as { code?: string; by?: Record<string, { code?: string }> } | undefined;
      for (const k of VALUE_KEYWORDS) {
        if (k in o && !(path.includes('/if') && !path.includes('/then'))) out.push({ path, keyword: k, code: ann?.by?.[k]?.code ?? ann?.code ?? inherited });
      }
      for (const [k, v] of Object.entries(o)) if (k !== 'x-lcff' && k !== 'enum' && k !== 'required') walk(v, `${path}/${k}`, out);
    }
  }

  it('each value keyword sits with an x-lcff code that exists', () => {
    const found: Array<{ path: string; keyword: string; code?: string }> = [];
    walk(committedSchema(), '#', found);
    expect(found.length).toBeGreaterThan(20);
    const missing = found.filter((f) => f.code === undefined && f.keyword !== 'dependentRequired');
    expect(missing).toEqual([]);
    expect(found.filter((f) => f.code !== undefined && !codes.has(f.code))).toEqual([]);
  });
});

describe('CSV columns come from the student definition', () => {
  it('one per key, reported_x for reported.x, the required keys required', () => {
    const { columns, required } = csvColumns(committedSchema());
    expect(columns.map((c) => c.name)).toEqual(['id', 'school', 'grade', 'basis', 'district_of_residence', 'unduplicated', 'census_day', 'ada', 'reported_transfer_code', 'reported_district_of_residence']);
    expect(columns.filter((c) => c.boolean).map((c) => c.name)).toEqual(['unduplicated', 'census_day']);
    expect(required).toEqual(['id', 'school', 'grade', 'basis', 'unduplicated', 'census_day', 'ada']);
  });
});
