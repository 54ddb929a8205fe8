/** The label table (labels.yaml): groups of `name: label`, loaded with the library; malformed entries are LCFF-E066 with a position. */
import { describe, expect, it } from 'vitest';
import { loadLabels } from '../../src/params/labels.js';
import { buildLibrary } from '../../src/semantics/workspace.js';
import { bundledLibrary } from '../helpers/library.js';

const lines = (text: string): string[] => loadLabels('r/labels.yaml', text).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code} ${d.message}`);

describe('label table', () => {
  it('reads groups of labels', () => {
    const { labels, diagnostics } = loadLabels('r/labels.yaml', 'lea_kind:\n  coe: County office of education\n  district: "School district"\n');
    expect(diagnostics).toEqual([]);
    expect(labels?.get('lea_kind')?.get('district')).toBe('School district');
  });

  it('reports an empty label, a bad name, a group that is not a mapping, a duplicate and bad YAML with LCFF-E066 and a position', () => {
    expect(lines('lea_kind:\n  coe: ""\n')).toEqual(["2:8 LCFF-E066 the label of 'lea_kind.coe' must be a non-empty text"]);
    expect(lines('lea_kind:\n  Coe: x\n')).toEqual(["2:3 LCFF-E066 label name \"Coe\" in 'lea_kind' must be a lower-case name (letters, digits, _)"]);
    expect(lines('lea_kind: x\n')).toEqual(["1:11 LCFF-E066 label group 'lea_kind' is a mapping of names to labels"]);
    expect(lines('g:\n  a: x\n  a: y\n')).toEqual(["3:3 LCFF-E066 duplicate label in g key 'a'"]);
    expect(lines('- a\n')[0]).toMatch(/^1:1 LCFF-E066 labels.yaml is a mapping/);
    expect(lines('g: {a: x\n')[0]).toMatch(/LCFF-E066 YAML: /);
  });

  it('is part of the library: the bundled labels load without diagnostics, and a broken one is a library error', async () => {
    const lib = await bundledLibrary();
    expect(lib.labels?.get('lea_kind')?.get('coe')).toBe('County office of education');
    const broken = buildLibrary([{ file: 'r/labels.yaml', text: 'g:\n  a: ""\n' }]);
    expect(broken.diagnostics.map((d) => d.code)).toContain('LCFF-E066');
    expect(broken.labels?.get('g')?.size).toBe(0);
  });
});
