/**
 * The rule library's manifest (`library.yaml` at the root of a rule folder):
 * the fiscal years the library holds enacted law for. It is the one place
 * the library's horizon is written; the checker, the CLI and the language
 * server read it from here. Never throws on bad input.
 */
import { isScalar } from 'yaml';
import type { Diagnostic, SourceRange } from '../core/diagnostics.js';
import { formatFiscalYear, parseFiscalYear, type FiscalYear } from '../core/fiscal-year.js';
import { YamlSource } from './yaml-source.js';

import { MANIFEST_FILE } from './file-names.js';

export { isManifestFile, MANIFEST_FILE } from './file-names.js';
export { outsideHorizon, type Horizon } from './horizon.js';

export const ManifestCodes = {
  /** The manifest does not parse, or is not a mapping. */
  badManifest: 'LCFF-E060',
  /** A key the manifest does not know, or a required key missing. */
  manifestKey: 'LCFF-E061',
  /** A year of the manifest that is not a fiscal year, or a last year before the first. */
  manifestYear: 'LCFF-E062',
} as const;

const KEYS = ['name', 'description', 'first_year', 'last_year', 'cite'] as const;
const REQUIRED = ['name', 'first_year', 'last_year', 'cite'] as const;

export interface LibraryManifest {
  name: string;
  description?: string;
  /** The first fiscal year the library holds law for. */
  firstYear: FiscalYear;
  /** The last fiscal year the library holds enacted law for: its horizon. */
  lastYear: FiscalYear;
  cite: string;
  /** Range of the `cite` text (for the citation check). */
  citeRange: SourceRange;
  file: string;
  range: SourceRange;
}

/** The years a library covers, from its manifest or (for a partial library without one) from the years its files name. */

class ManifestReader extends YamlSource {
  read(): LibraryManifest | undefined {
    const whole = this.lines.range(0, 0);
    const root = this.rootMapping(ManifestCodes.badManifest, `${MANIFEST_FILE} is a mapping with ${REQUIRED.join(', ')}`);
    if (!root) return undefined;
    const fields = new Map<string, { text: string; range: SourceRange }>();
    for (const p of this.pairs(root, 'manifest')) {
      if (!(KEYS as readonly string[]).includes(p.key)) {
        this.report(ManifestCodes.manifestKey, p.keyRange, `unknown key '${p.key}' in ${MANIFEST_FILE} (expected one of: ${KEYS.join(', ')})`);
        continue;
      }
      const text = isScalar(p.value) ? this.scalarText(p.value)?.trim() : undefined;
      if (!text) {
        this.report(ManifestCodes.manifestKey, this.rangeOf(p.value, p.keyRange), `'${p.key}' must be a non-empty text`);
        continue;
      }
      fields.set(p.key, { text, range: this.rangeOf(p.value, p.keyRange) });
    }
    const rootRange = this.rangeOf(root, whole);
    const missing = REQUIRED.filter((k) => !fields.has(k));
    for (const k of missing) this.report(ManifestCodes.manifestKey, { start: rootRange.start, end: rootRange.start }, `${MANIFEST_FILE} needs '${k}'`);
    const year = (k: 'first_year' | 'last_year'): FiscalYear | undefined => {
      const f = fields.get(k);
      if (!f) return undefined;
      const y = parseFiscalYear(f.text);
      if (y === undefined) this.report(ManifestCodes.manifestYear, f.range, `'${k}' is a fiscal year written YYYY-YY (e.g. 2025-26); found ${JSON.stringify(f.text)}`);
      return y;
    };
    const first = year('first_year');
    const last = year('last_year');
    if (first !== undefined && last !== undefined && last < first) {
      this.report(ManifestCodes.manifestYear, fields.get('last_year')!.range, `last_year ${formatFiscalYear(last)} is before first_year ${formatFiscalYear(first)}`);
      return undefined;
    }
    if (missing.length || first === undefined || last === undefined) return undefined;
    const description = fields.get('description')?.text;
    return { name: fields.get('name')!.text, ...(description ? { description } : {}), firstYear: first, lastYear: last, cite: fields.get('cite')!.text, citeRange: fields.get('cite')!.range, file: this.file, range: rootRange };
  }
}

export function loadManifest(file: string, text: string): { manifest?: LibraryManifest; diagnostics: Diagnostic[] } {
  const r = new ManifestReader(file, text);
  const manifest = r.read();
  return { ...(manifest ? { manifest } : {}), diagnostics: r.diagnostics };
}

