/**
 * Hostile citations and registers: resolving any cite text and loading any
 * sources.yaml never throws; every diagnostic is positioned inside the text
 * with a register code; a resolved citation always carries an absolute
 * http(s) URL.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveCitationList } from '../../src/params/citations.js';
import { loadSources, SourceCodes } from '../../src/params/sources.js';
import { fuzzConfig } from './config.js';

const cfg = fuzzConfig(300);
const REGISTER = 'FAQ:\n  title: T\n  issuer: I\n  date: d\n  url: https://www.cde.ca.gov/x\n  establishes: E\n  locators: ["Q1..Q21"]\n';
const good = loadSources('sources.yaml', REGISTER).register!;

const piece = fc.oneof(
  fc.constantFrom('EC', 'WIC', 'SB', 'AB', 'FAQ', 'Q', '(', ')', '(c)', ' ', ';', '.', 'Ch.', 'Stats.', ',', '§', '2574', '114', '2023', '-', 'CDE-RATES', '\u001b', '\u202e'),
  fc.string({ maxLength: 6 }),
);
const citeText = fc.array(piece, { maxLength: 12 }).map((a) => a.join(''));

const yamlPiece = fc.oneof(
  fc.constantFrom('FAQ:', 'A-1:', '\n', '  ', 'title: ', 'url: ', 'https://', 'ftp://', 'x.org', 'locators: ', '["Q1..Q21"]', '[Q9..Q1]', '{', '}', '- ', '"', "'", '&a', '*a', ':', 'establishes: ', 'issuer: ', 'date: '),
  fc.string({ maxLength: 5 }),
);
const yamlText = fc.array(yamlPiece, { maxLength: 30 }).map((a) => a.join(''));

describe('citations under hostile input', () => {
  it('resolve or refuse, never throw; a resolved citation has an http(s) URL', () => {
    fc.assert(
      fc.property(citeText, (t) => {
        for (const p of resolveCitationList(t, good)) {
          if (p.result.ok) expect(p.result.citation.url).toMatch(/^https?:\/\/[^\s]+$/);
          else expect(p.result.message.length).toBeGreaterThan(0);
          expect(t.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
        }
      }),
      { numRuns: cfg.numRuns, seed: cfg.seed },
    );
  });

  it('a register loads or reports positioned E064/E065 diagnostics, never throws', () => {
    const codes = new Set<string>(Object.values(SourceCodes));
    fc.assert(
      fc.property(yamlText, (t) => {
        const r = loadSources('sources.yaml', t);
        for (const d of r.diagnostics) {
          expect(codes.has(d.code)).toBe(true);
          expect(d.range.start.offset).toBeGreaterThanOrEqual(0);
          expect(d.range.start.offset).toBeLessThanOrEqual(t.length);
        }
        for (const e of r.register?.entries.values() ?? []) expect(e.url).toMatch(/^https?:\/\//);
      }),
      { numRuns: cfg.numRuns, seed: cfg.seed },
    );
  });
});
