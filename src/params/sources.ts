/**
 * The sources register (`sources.yaml` at the root of a rule folder): every
 * source a citation may name by id — CDE pages, the county-programs FAQ,
 * CALPADS documents, secondary summaries — with its title, issuer, date or
 * chapter, URL and what it establishes. Statute sections and chaptered bills
 * need no entry (their URLs are derived, see citations.ts). Loaded with
 * positions like the manifest; never throws on bad input.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Diagnostic, SourceRange } from '../core/diagnostics.js';
import { excerpt } from '../core/safe-text.js';
import { ParamCodes } from './diagnostic-codes.js';
import { BILL_PREFIXES, SOURCE_ID, STATUTE_CODES } from './citations.js';
import { YamlSource } from './yaml-source.js';

import { SOURCES_FILE } from './file-names.js';

export { isSourcesFile, SOURCES_FILE } from './file-names.js';

export const SourceCodes = {
  /** A citation that resolves to nothing: not a statute section, a chaptered bill or a register id (with a declared locator). */
  unresolvedCitation: 'LCFF-E063',
  /** A malformed register entry: a missing or empty field, an unknown key, a bad id, URL or locator. */
  badEntry: 'LCFF-E064',
  /** The register itself does not parse, or is not a mapping of source ids to entries. */
  badRegister: 'LCFF-E065',
} as const;

const KEYS = ['title', 'issuer', 'date', 'chapter', 'url', 'mirror', 'establishes', 'note', 'locators'] as const;
const REQUIRED = ['title', 'issuer', 'url', 'establishes'] as const;

/** A locator a citation may add after the id: a literal (`Report 1.19`) or a numbered range (`Q1..Q21`). */
export type Locator = { kind: 'literal'; text: string } | { kind: 'range'; text: string; prefix: string; from: number; to: number };

export interface SourceEntry {
  id: string;
  title: string;
  issuer: string;
  /** The date of the source (publication, revision or review), or its chapter for a statute. */
  date?: string;
  chapter?: string;
  url: string;
  /** A copy of the source elsewhere (the one read, when the original could not be). */
  mirror?: string;
  establishes: string;
  /** What was read of the source, caveats. */
  note?: string;
  locators: Locator[];
  file: string;
  /** Range of the id key. */
  range: SourceRange;
}

export interface SourceRegister {
  file: string;
  entries: Map<string, SourceEntry>;
  /** Ids whose entry is malformed (already reported): citations of them are not reported again. */
  invalid: Set<string>;
}

const RANGE = /^([A-Za-z]*)(\d{1,6})\.\.([A-Za-z]*)(\d{1,6})$/;

/** A URL a reader can open: http(s), a host, no spaces. */
export function badUrl(text: string): string | undefined {
  if (/\s/.test(text)) return 'contains a space';
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return 'is not an absolute URL';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return `uses ${u.protocol} (expected https: or http:)`;
  if (!u.hostname.includes('.')) return 'has no host name';
  return undefined;
}

class RegisterReader extends YamlSource {
  read(): SourceRegister | undefined {
    const root = this.rootMapping(SourceCodes.badRegister, `${SOURCES_FILE} is a mapping of source ids to entries (title, issuer, date or chapter, url, establishes)`);
    if (!root) return undefined;
    const entries = new Map<string, SourceEntry>();
    const invalid = new Set<string>();
    for (const p of this.pairs(root, 'source id')) {
      if (!SOURCE_ID.test(p.key)) {
        this.report(SourceCodes.badEntry, p.keyRange, `source id ${excerpt(p.key)} must be capital letters and digits in groups separated by - or . (e.g. CDE-RATES-2024-25, CALPADS-RPT-1.19)`);
        continue;
      }
      if (STATUTE_CODES[p.key] || (BILL_PREFIXES as readonly string[]).includes(p.key)) {
        this.report(SourceCodes.badEntry, p.keyRange, `source id '${p.key}' would read as a statute code or bill prefix; choose another id`);
        continue;
      }
      const e = this.entry(p.key, p.keyRange, p.value);
      if (e) entries.set(p.key, e);
      else invalid.add(p.key);
    }
    return { file: this.file, entries, invalid };
  }

  entry(id: string, keyRange: SourceRange, node: Node | null): SourceEntry | undefined {
    if (!isMap(node)) {
      this.report(SourceCodes.badEntry, this.rangeOf(node, keyRange), `source ${id} must be a mapping with ${REQUIRED.join(', ')} and date or chapter`);
      return undefined;
    }
    const fields = new Map<string, { text: string; range: SourceRange }>();
    let locators: Locator[] = [];
    let ok = true;
    const present = new Set<string>();
    for (const f of this.pairs(node, `source ${id}`)) {
      present.add(f.key);
      if (!(KEYS as readonly string[]).includes(f.key)) {
        this.report(SourceCodes.badEntry, f.keyRange, `unknown key ${excerpt(f.key)} in source ${id} (expected one of: ${KEYS.join(', ')})`);
        ok = false;
        continue;
      }
      if (f.key === 'locators') {
        const ls = this.locators(id, f.value, f.keyRange);
        if (ls) locators = ls;
        else ok = false;
        continue;
      }
      const text = isScalar(f.value) ? this.scalarText(f.value)?.trim() : undefined;
      if (!text) {
        this.report(SourceCodes.badEntry, this.rangeOf(f.value, f.keyRange), `'${f.key}' of source ${id} must be a non-empty text`);
        ok = false;
        continue;
      }
      fields.set(f.key, { text, range: this.rangeOf(f.value, f.keyRange) });
    }
    const missing = REQUIRED.filter((k) => !present.has(k));
    if (missing.length) {
      this.report(SourceCodes.badEntry, keyRange, `source ${id} needs ${missing.map((k) => `'${k}'`).join(', ')}`);
      ok = false;
    }
    if (!present.has('date') && !present.has('chapter')) {
      this.report(SourceCodes.badEntry, keyRange, `source ${id} needs 'date' (publication, revision or review date) or 'chapter'`);
      ok = false;
    }
    for (const k of ['url', 'mirror'] as const) {
      const u = fields.get(k);
      const why = u ? badUrl(u.text) : undefined;
      if (u && why) {
        this.report(SourceCodes.badEntry, u.range, `the ${k} of source ${id} ${why}: ${excerpt(u.text)}`);
        ok = false;
      }
    }
    if (!ok) return undefined;
    const get = (k: string): string | undefined => fields.get(k)?.text;
    return {
      id,
      title: get('title')!,
      issuer: get('issuer')!,
      ...(get('date') ? { date: get('date') } : {}),
      ...(get('chapter') ? { chapter: get('chapter') } : {}),
      url: get('url')!,
      ...(get('mirror') ? { mirror: get('mirror') } : {}),
      establishes: get('establishes')!,
      ...(get('note') ? { note: get('note') } : {}),
      locators,
      file: this.file,
      range: keyRange,
    };
  }

  locators(id: string, node: Node | null, keyRange: SourceRange): Locator[] | undefined {
    if (!isSeq(node)) {
      this.report(SourceCodes.badEntry, this.rangeOf(node, keyRange), `'locators' of source ${id} is a list, e.g. ["Q1..Q21"] or ["Report 1.19"]`);
      return undefined;
    }
    const out: Locator[] = [];
    for (const item of node.items as Array<Node | null>) {
      const text = this.scalarText(item)?.trim();
      const range = this.rangeOf(item, keyRange);
      if (!text) {
        this.report(SourceCodes.badEntry, range, `a locator of source ${id} must be a non-empty text`);
        return undefined;
      }
      const m = RANGE.exec(text);
      if (m) {
        const from = Number(m[2]);
        const to = Number(m[4]);
        if (m[1] !== m[3] || from > to) {
          this.report(SourceCodes.badEntry, range, `locator range ${excerpt(text)} of source ${id} must run up with one prefix, e.g. Q1..Q21`);
          return undefined;
        }
        out.push({ kind: 'range', text, prefix: m[1], from, to });
      } else out.push({ kind: 'literal', text });
    }
    return out;
  }
}

export function loadSources(file: string, text: string): { register?: SourceRegister; diagnostics: Diagnostic[] } {
  const r = new RegisterReader(file, text);
  const register = r.read();
  // The shared YAML reader reports duplicate and non-scalar keys with the parameter codes; in the register they are malformed entries.
  const diagnostics = r.diagnostics.map((d) => (d.code === ParamCodes.duplicateKey || d.code === ParamCodes.badShape ? { ...d, code: SourceCodes.badEntry } : d));
  return { ...(register ? { register } : {}), diagnostics };
}
