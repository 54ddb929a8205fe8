/**
 * What a citation is and where a reader can follow it. A citation is one of
 *
 * - a statute section: a code abbreviation, a section and optional
 *   subdivisions — `EC 2574(c)(4)(A)`, `WIC 602`; its URL is the section on
 *   leginfo.legislature.ca.gov (codes_displaySection);
 * - a chaptered bill: `SB 114 (Ch. 48, Stats. 2023)`, optionally with a bill
 *   section `§ 145`; its URL is the bill on leginfo (billNavClient, the
 *   two-year session from the year of the statutes);
 * - a register id from `rules/sources.yaml`, optionally followed by one of
 *   the locators the entry declares: `FAQ Q13`, `CDE-RATES-2024-25`.
 *
 * A parameter file's `cite:` holds several citations separated by `;`; a
 * rule file's `cite` clause lists them as separate strings. Pure functions.
 */
import { suggest } from '../core/diagnostics.js';
import type { SourceEntry, SourceRegister } from './sources.js';

/** Code abbreviations a statute citation may use, and the leginfo law code and name of each. */
export const STATUTE_CODES: Readonly<Record<string, { lawCode: string; name: string }>> = {
  EC: { lawCode: 'EDC', name: 'California Education Code' },
  WIC: { lawCode: 'WIC', name: 'California Welfare and Institutions Code' },
  GC: { lawCode: 'GOV', name: 'California Government Code' },
  HSC: { lawCode: 'HSC', name: 'California Health and Safety Code' },
  PC: { lawCode: 'PEN', name: 'California Penal Code' },
  RTC: { lawCode: 'RTC', name: 'California Revenue and Taxation Code' },
};

/** Bill prefixes a chaptered-bill citation may use. */
export const BILL_PREFIXES = ['AB', 'SB', 'ABX1', 'SBX1', 'ABX2', 'SBX2'] as const;

const STATUTE = /^([A-Z]+) (\d+(?:\.\d+)?)((?:\([0-9A-Za-z]{1,6}\))*)$/;
const BILL = /^([A-Z0-9]+) (\d{1,5}) \(Ch\. (\d{1,4}), Stats\. (\d{4})\)(?: § ?(\d+(?:\.\d+)?))?$/;
/** A register id: capital letters and digits in groups separated by "-" or ".", starting with a letter (CALPADS-RPT-1.19). */
export const SOURCE_ID = /^[A-Z][A-Z0-9]*(?:[-.][A-Z0-9]+)*$/;

export type Citation =
  | { kind: 'statute'; text: string; code: string; section: string; subdivisions: string; title: string; url: string }
  | { kind: 'bill'; text: string; bill: string; chapter: number; year: number; title: string; url: string }
  | { kind: 'source'; text: string; id: string; locator?: string; entry: SourceEntry; title: string; url: string };

/** `reported`: the citation names a register entry that is itself malformed (reported there, not again at each citation). */
export type CitationResult = { ok: true; citation: Citation } | { ok: false; message: string; reported?: boolean; suggestions?: string[] };

/** One citation of a `;`-separated cite text, with its offset in that text. */
export interface CitationPart {
  text: string;
  offset: number;
}

/** Splits a parameter file's cite text at `;` into trimmed parts (empty parts are kept, so they can be reported). */
export function splitCitations(text: string): CitationPart[] {
  const out: CitationPart[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === ';') {
      const raw = text.slice(start, i);
      const lead = raw.length - raw.trimStart().length;
      out.push({ text: raw.trim(), offset: start + lead });
      start = i + 1;
    }
  }
  return out;
}

/** The leginfo page of a code section (`sectionNum` carries leginfo's trailing dot). */
export function statuteUrl(lawCode: string, section: string): string {
  return `https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=${lawCode}&sectionNum=${section}.`;
}

/** The two-year regular session a bill chaptered in `year` belongs to: 2023 → 2023-24, 2014 → 2013-14. */
export function sessionOf(year: number): { start: number; end: number } {
  const start = year % 2 === 1 ? year : year - 1;
  return { start, end: start + 1 };
}

/** The leginfo page of a bill of the regular session holding `year`. */
export function billUrl(bill: string, year: number): string {
  const s = sessionOf(year);
  return `https://leginfo.legislature.ca.gov/faces/billNavClient.xhtml?bill_id=${s.start}${s.end}0${bill.replace(' ', '')}`;
}

/** Reads one citation; register ids resolve against `register` (when the library has none, an id cannot resolve). */
export function resolveCitation(text: string, register: SourceRegister | undefined): CitationResult {
  if (text === '') return { ok: false, message: 'an empty citation' };
  const st = STATUTE.exec(text);
  if (st && STATUTE_CODES[st[1]]) {
    const code = STATUTE_CODES[st[1]];
    return {
      ok: true,
      citation: { kind: 'statute', text, code: st[1], section: st[2], subdivisions: st[3], title: `${code.name} section ${st[2]}${st[3]}`, url: statuteUrl(code.lawCode, st[2]) },
    };
  }
  const b = BILL.exec(text);
  if (b && (BILL_PREFIXES as readonly string[]).includes(b[1])) {
    const bill = `${b[1]} ${b[2]}`;
    const year = Number(b[4]);
    const s = sessionOf(year);
    return {
      ok: true,
      citation: { kind: 'bill', text, bill, chapter: Number(b[3]), year, title: `${bill}, Chapter ${b[3]}, Statutes of ${year} (${s.start}-${String(s.end).slice(2)} session)${b[5] ? `, section ${b[5]}` : ''}`, url: billUrl(bill, year) },
    };
  }
  const space = text.indexOf(' ');
  const head = space < 0 ? text : text.slice(0, space);
  const locator = space < 0 ? undefined : text.slice(space + 1).trim();
  if (STATUTE_CODES[head]) return { ok: false, message: `a statute section is written as the code, the section and its subdivisions, e.g. "${head} 2574(c)(4)(A)"; another source goes in a separate citation` };
  if ((BILL_PREFIXES as readonly string[]).includes(head)) return { ok: false, message: `a bill is cited with its chapter, e.g. "${head} 114 (Ch. 48, Stats. 2023)"` };
  if (!SOURCE_ID.test(head)) return { ok: false, message: 'not a statute section ("EC 2574(c)"), a chaptered bill ("SB 114 (Ch. 48, Stats. 2023)") or a source id of the register (rules/sources.yaml)' };
  const entry = register?.entries.get(head);
  if (!entry && register?.invalid.has(head)) return { ok: false, message: `source ${head} of ${register.file} is malformed`, reported: true };
  if (!entry) {
    const where = register ? `the register ${register.file}` : 'the register (the library has no sources.yaml)';
    const s = register ? suggest(head, register.entries.keys()) : [];
    return { ok: false, message: `'${head}' is not a source id of ${where}${s.length ? ` (did you mean ${s.join(' or ')}?)` : ''}`, ...(s.length ? { suggestions: s.map((x) => (locator === undefined ? x : `${x} ${locator}`)) } : {}) };
  }
  if (locator === undefined) return { ok: true, citation: { kind: 'source', text, id: head, entry, title: entry.title, url: entry.url } };
  if (!entry.locators.length) return { ok: false, message: `source ${head} declares no locators; cite it as "${head}" alone` };
  if (!matchesLocator(entry, locator)) return { ok: false, message: `source ${head} has no locator '${locator}' (it declares: ${entry.locators.map((l) => l.text).join(', ')})` };
  return { ok: true, citation: { kind: 'source', text, id: head, locator, entry, title: `${entry.title}, ${locatorWords(locator)}`, url: entry.url } };
}

function matchesLocator(entry: SourceEntry, locator: string): boolean {
  return entry.locators.some((l) => (l.kind === 'literal' ? l.text === locator : locatorNumber(l.prefix, locator, l.from, l.to) !== undefined));
}

/** The number of `Q13` for prefix `Q` within from..to, else undefined. */
export function locatorNumber(prefix: string, locator: string, from: number, to: number): number | undefined {
  if (!locator.startsWith(prefix)) return undefined;
  const digits = locator.slice(prefix.length);
  if (!/^[1-9]\d{0,5}$/.test(digits)) return undefined;
  const n = Number(digits);
  return n >= from && n <= to ? n : undefined;
}

function locatorWords(locator: string): string {
  const q = /^Q(\d+)$/.exec(locator);
  return q ? `question ${q[1]}` : locator;
}

/** Every citation of a `;`-separated text, resolved. */
export function resolveCitationList(text: string, register: SourceRegister | undefined): Array<CitationPart & { result: CitationResult }> {
  return splitCitations(text).map((p) => ({ ...p, result: resolveCitation(p.text, register) }));
}
