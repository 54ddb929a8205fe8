/**
 * Fiscal years (July 1 – June 30) as a first-class period. A fiscal year is
 * written `YYYY-YY` with consecutive years ("2019-20"); internally it is the
 * starting calendar year (2019).
 */
export type FiscalYear = number;

const FY_TEXT = /^(\d{4})-(\d{2})$/;

/** Parses "2019-20" to 2019; returns undefined when the text is not a fiscal year or the years are not consecutive. */
export function parseFiscalYear(text: string): FiscalYear | undefined {
  const m = FY_TEXT.exec(text.trim());
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = Number(m[2]);
  if ((start + 1) % 100 !== end) return undefined;
  return start;
}

export function formatFiscalYear(year: FiscalYear): string {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

/** An inclusive range of fiscal years; `to` undefined means "onward". */
export interface YearRange {
  from: FiscalYear;
  to?: FiscalYear;
}

export function inRange(year: FiscalYear, range: YearRange): boolean {
  return year >= range.from && (range.to === undefined || year <= range.to);
}

export function rangesOverlap(a: YearRange, b: YearRange): boolean {
  const aEnd = a.to ?? Number.POSITIVE_INFINITY;
  const bEnd = b.to ?? Number.POSITIVE_INFINITY;
  return a.from <= bEnd && b.from <= aEnd;
}

export function formatRange(range: YearRange): string {
  if (range.to === undefined) return `${formatFiscalYear(range.from)} onward`;
  if (range.to === range.from) return formatFiscalYear(range.from);
  return `${formatFiscalYear(range.from)}..${formatFiscalYear(range.to)}`;
}

/**
 * Values keyed by fiscal year hold until the next key: returns the key in
 * force in `year` (the greatest key <= year), or undefined before the first.
 */
export function keyInForce(keys: readonly FiscalYear[], year: FiscalYear): FiscalYear | undefined {
  let best: FiscalYear | undefined;
  for (const k of keys) if (k <= year && (best === undefined || k > best)) best = k;
  return best;
}

/** The years of a range within a library's horizon (its first and last fiscal years; see src/params/manifest.ts). */
export function yearsOf(range: YearRange, horizon: { first: FiscalYear; last: FiscalYear }): FiscalYear[] {
  const out: FiscalYear[] = [];
  for (let y = Math.max(range.from, horizon.first); y <= Math.min(range.to ?? horizon.last, horizon.last); y++) out.push(y);
  return out;
}

/** "2013-14, 2014-15 and 2016-17" → compact runs "2013-14..2014-15, 2016-17". */
export function formatYears(years: FiscalYear[]): string {
  const runs: YearRange[] = [];
  for (const y of [...years].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last.to === y - 1) last.to = y;
    else runs.push({ from: y, to: y });
  }
  return runs.map(formatRange).join(', ');
}
