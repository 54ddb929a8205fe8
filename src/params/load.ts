/**
 * Parameter files: YAML → model, with every diagnostic at file:line:col of
 * the offending node. Uses the `yaml` Document API with source ranges; never
 * throws on bad input.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Diagnostic, SourceRange } from '../core/diagnostics.js';
import { YamlSource, type KeyedPair } from './yaml-source.js';
import { formatFiscalYear, parseFiscalYear } from '../core/fiscal-year.js';
import type { Dec, RoundingMode, RoundingUnit } from '../runtime/money.js';
import { ParamCodes as C } from './diagnostic-codes.js';
import { PARAM_STATUSES, PARAM_UNITS, type DeriveSpec, type DeriveStep, type ParamEntry, type Parameter, type ParamStatus, type ParamUnit, type ParamValue } from './model.js';
import { parsePercentText, parseUnitValue } from './units.js';

export const PARAM_KEYS = ['description', 'unit', 'cite', 'by', 'status', 'note', 'values'] as const;
/** Keys of a value entry; in a breakdown (`by`) entry every other key is a member. */
export const ENTRY_KEYS = ['value', 'derive', 'published', 'cite', 'status', 'note'] as const;
export const DERIVE_KEYS = ['grow_by', 'round', 'mode'] as const;
const ROUND_WORDS = ['dollar', 'cent', 'none'] as const;
const MODES: readonly RoundingMode[] = ['half_up', 'half_even', 'down', 'up'];
const NAME = /^[a-z][a-z0-9_]*$/;
const MEMBER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Written as a value: the library has no figure from this year on. */
export const UNKNOWN_WORD = 'unknown';

/** The YAML parser's message, first line; its stack overflow on absurd nesting said in words. */
function yamlMessage(message: string): string {
  if (/Maximum call stack/i.test(message)) return 'nested too deeply to read (a parameter file nests at most five levels: parameter, field, year, value, member)';
  return message.split('\n')[0];
}

class Loader extends YamlSource {
  load(): Parameter[] {
    const doc = parseDocument(this.text, { uniqueKeys: false, prettyErrors: false });
    this.doc = doc;
    for (const e of doc.errors) this.report(C.yamlSyntax, this.errorRange(e.pos), `YAML: ${yamlMessage(e.message)}`);
    if (doc.errors.length) return [];
    const root = doc.contents as Node | null;
    if (root === null || (isScalar(root) && root.value === null)) return [];
    if (!isMap(root)) {
      this.report(C.badShape, this.rangeOf(root, this.lines.range(0, 0)), 'a parameter file is a mapping of parameter names to definitions');
      return [];
    }
    const params: Parameter[] = [];
    for (const p of this.pairs(root, 'parameter')) {
      if (!NAME.test(p.key)) {
        this.report(C.badOption, p.keyRange, `parameter name '${p.key}' must be lower_snake_case (letters, digits, _)`);
        continue;
      }
      const param = this.parameter(p);
      if (param) params.push(param);
    }
    return params;
  }

  parameter(p: KeyedPair): Parameter | undefined {
    if (!isMap(p.value)) {
      this.report(C.badShape, this.rangeOf(p.value, p.keyRange), `parameter '${p.key}' must be a mapping with description, unit, cite and values`);
      return undefined;
    }
    const fields = new Map<string, KeyedPair>();
    for (const f of this.pairs(p.value, `parameter '${p.key}'`)) {
      if ((PARAM_KEYS as readonly string[]).includes(f.key)) fields.set(f.key, f);
      else this.unknownKey(f.key, f.keyRange, PARAM_KEYS, `parameter '${p.key}'`);
    }
    const get = (k: string) => fields.get(k);
    let ok = true;
    const description = get('description') ? this.textField(get('description')!) : undefined;
    if (!get('description')) this.report(C.missingField, p.keyRange, `parameter '${p.key}' has no description`);
    let unit: ParamUnit | undefined;
    if (get('unit')) unit = this.option(get('unit')!, PARAM_UNITS);
    else this.report(C.missingField, p.keyRange, `parameter '${p.key}' has no unit (one of ${PARAM_UNITS.join(', ')})`);
    if (!unit) ok = false;
    const cite = get('cite') ? this.textField(get('cite')!) : undefined;
    const note = get('note') ? this.textField(get('note')!) : undefined;
    const status = get('status') ? this.option(get('status')!, PARAM_STATUSES) : undefined;
    let by: string | undefined;
    let byRange: SourceRange | undefined;
    if (get('by')) {
      const b = get('by')!;
      const t = this.scalarText(b.value);
      byRange = this.rangeOf(b.value, b.keyRange);
      if (t && MEMBER.test(t)) by = t;
      else {
        this.report(C.badOption, byRange, `'by' must name an enum of the rule language, found ${JSON.stringify(t ?? '')}`);
        ok = false;
      }
    }
    const values = get('values');
    if (!values) this.report(C.missingField, p.keyRange, `parameter '${p.key}' has no values`);
    const param: Parameter = { name: p.key, description: description ?? '', unit: unit ?? 'number', cite, by, byRange, file: this.file, range: p.keyRange, values: [], status, note };
    if (cite) param.citeRange = this.rangeOf(get('cite')!.value, get('cite')!.keyRange);
    if (values && unit && ok) param.values = this.values(param, values);
    return param;
  }

  values(param: Parameter, p: KeyedPair): ParamEntry[] {
    if (!isMap(p.value)) {
      this.report(C.badShape, this.rangeOf(p.value, p.keyRange), `'values' of '${param.name}' must be a mapping of fiscal years (YYYY-YY) to values`);
      return [];
    }
    const out: ParamEntry[] = [];
    let last: { year: number; range: SourceRange } | undefined;
    for (const y of this.pairs(p.value, `'${param.name}' year`)) {
      const year = parseFiscalYear(y.key);
      if (year === undefined) {
        this.report(C.badYear, y.keyRange, `'${y.key}' is not a fiscal year: write YYYY-YY with consecutive years, e.g. 2019-20`);
        continue;
      }
      if (y.key.trim() !== formatFiscalYear(year)) {
        this.report(C.badYear, y.keyRange, `'${y.key}' is not a fiscal year: write it ${formatFiscalYear(year)}`);
        continue;
      }
      if (last && year <= last.year) {
        this.report(C.yearOrder, y.keyRange, `${formatFiscalYear(year)} comes after ${formatFiscalYear(last.year)}: list years in increasing order`, {
          related: [{ file: this.file, range: last.range, message: `${formatFiscalYear(last.year)} is here` }],
        });
      }
      if (!last || year > last.year) last = { year, range: y.keyRange };
      const e = this.entry(param, y, year);
      if (e) out.push(e);
    }
    return out.sort((a, b) => a.year - b.year);
  }

  entry(param: Parameter, y: KeyedPair, year: number): ParamEntry | undefined {
    const fy = formatFiscalYear(year);
    const where = `${param.name} ${fy}`;
    const e: ParamEntry = { year, range: y.keyRange, status: 'confirmed' };
    let status: ParamStatus | undefined;
    let statusRange: SourceRange | undefined;
    let cite: string | undefined;
    let note: string | undefined;
    let hasValue = false;
    if (isScalar(y.value)) {
      // Shorthand: `2013-14: 20%`.
      if (param.by && this.scalarText(y.value)?.trim() !== UNKNOWN_WORD) {
        this.report(C.badShape, this.rangeOf(y.value, y.keyRange), `'${param.name}' is broken down by ${param.by}: ${fy} needs a mapping of members, e.g. { k3: ..., g4_6: ... }`);
        return { ...e, invalid: true, status: param.status ?? 'confirmed' };
      }
      this.scalarValue(param, e, y.value, y.keyRange);
      hasValue = true;
    } else if (isMap(y.value)) {
      const members = new Map<string, Dec>();
      const memberRanges = new Map<string, SourceRange>();
      for (const f of this.pairs(y.value, `${where}`)) {
        switch (f.key) {
          case 'value':
            if (param.by && this.scalarText(f.value)?.trim() === UNKNOWN_WORD) {
              e.unknown = true;
              hasValue = true;
            } else if (param.by) {
              this.report(C.badShape, f.keyRange, `'${param.name}' is broken down by ${param.by}: write the members directly in the ${fy} mapping, not under 'value'`);
              e.invalid = true;
            } else {
              this.scalarValue(param, e, f.value, f.keyRange);
              hasValue = true;
            }
            break;
          case 'derive':
            e.derive = this.derive(param, f, where);
            if (!e.derive) e.invalid = true;
            break;
          case 'published':
            this.published(param, e, f, where);
            break;
          case 'cite':
            cite = this.textField(f);
            if (cite) e.citeRange = this.rangeOf(f.value, f.keyRange);
            break;
          case 'note':
            note = this.textField(f);
            break;
          case 'status':
            status = this.option(f, PARAM_STATUSES);
            statusRange = this.rangeOf(f.value, f.keyRange);
            break;
          default:
            if (!param.by) {
              this.unknownKey(f.key, f.keyRange, ENTRY_KEYS, where);
            } else if (!MEMBER.test(f.key)) {
              this.report(C.notMember, f.keyRange, `'${f.key}' is not a member name`);
            } else {
              const v = this.unitValue(param, f.value, f.keyRange, `${where} ${f.key}`);
              if (v === undefined) e.invalid = true;
              else members.set(f.key, v);
              memberRanges.set(f.key, f.keyRange);
              hasValue = true;
            }
        }
      }
      if (param.by && memberRanges.size) {
        e.value = members;
        e.memberRanges = memberRanges;
      }
    } else {
      this.report(C.badShape, this.rangeOf(y.value, y.keyRange), `${where}: expected a value or a mapping (value/derive, cite, status, note)`);
      return undefined;
    }
    if (hasValue && e.derive) {
      this.report(C.badShape, e.derive.range, `${where} has both a value and 'derive': give one`);
      e.invalid = true;
    } else if (!hasValue && !e.derive && !e.invalid) {
      this.report(C.missingField, y.keyRange, `${where} has no value: give ${param.by ? `the ${param.by} members` : "'value'"}, 'derive', or 'value: unknown'`);
      e.invalid = true;
    }
    if (e.published !== undefined && !e.derive && !e.invalid) {
      this.report(C.badShape, y.keyRange, `${where}: 'published' checks a derived value; this entry has no 'derive'`);
    }
    e.cite = cite;
    const effStatus = status ?? param.status;
    e.note = note ?? param.note;
    if (!effStatus) {
      this.report(C.missingField, y.keyRange, `${where} has no status: add status: confirmed or unconfirmed (here or on the parameter)`);
      e.status = 'unconfirmed';
    } else e.status = effStatus;
    if (!(cite ?? param.cite)) this.report(C.missingCitation, y.keyRange, `${where} has no citation: add 'cite' (here or on the parameter)`);
    if (effStatus === 'unconfirmed' && !e.note) this.report(C.unconfirmedWithoutNote, statusRange ?? y.keyRange, `${where} is unconfirmed but has no note saying why`);
    return e;
  }

  /** A scalar value, or the word `unknown`. */
  scalarValue(param: Parameter, e: ParamEntry, node: Node | null, fallback: SourceRange): void {
    const text = this.scalarText(node);
    if (text !== undefined && text.trim() === UNKNOWN_WORD) {
      e.unknown = true;
      return;
    }
    const v = this.unitValue(param, node, fallback, `${param.name} ${formatFiscalYear(e.year)}`);
    if (v === undefined) e.invalid = true;
    else {
      e.value = v;
      e.text = text?.trim();
    }
  }

  unitValue(param: Parameter, node: Node | null, fallback: SourceRange, where: string): Dec | undefined {
    const range = this.rangeOf(node, fallback);
    const text = this.scalarText(node);
    if (text === undefined || text.trim() === '') {
      this.report(C.badShape, range, `${where}: expected a single value`);
      return undefined;
    }
    const r = parseUnitValue(param.unit, text);
    if (!r.ok) {
      this.report(C.wrongUnit, range, `${where}: ${r.message}`);
      return undefined;
    }
    return r.value;
  }

  published(param: Parameter, e: ParamEntry, f: KeyedPair, where: string): void {
    if (param.by) {
      if (!isMap(f.value)) {
        this.report(C.badShape, this.rangeOf(f.value, f.keyRange), `${where}: 'published' must be a mapping of ${param.by} members`);
        return;
      }
      const m = new Map<string, Dec>();
      const ranges = new Map<string, SourceRange>();
      for (const p of this.pairs(f.value, `${where} published`)) {
        const v = this.unitValue(param, p.value, p.keyRange, `${where} published ${p.key}`);
        ranges.set(p.key, this.rangeOf(p.value, p.keyRange));
        if (v !== undefined) m.set(p.key, v);
      }
      e.published = m;
      e.publishedRanges = ranges;
    } else {
      const v = this.unitValue(param, f.value, f.keyRange, `${where} published`);
      if (v !== undefined) {
        e.published = v;
        e.publishedRanges = this.rangeOf(f.value, f.keyRange);
      }
    }
  }

  derive(param: Parameter, f: KeyedPair, where: string): DeriveSpec | undefined {
    const range = this.rangeOf(f.value, f.keyRange);
    if (!isMap(f.value)) {
      this.report(C.badShape, range, `${where}: 'derive' must be a mapping, e.g. { grow_by: [cola_district], round: dollar }`);
      return undefined;
    }
    const spec: DeriveSpec = { growBy: [], mode: 'half_up', range: f.keyRange };
    let ok = true;
    let sawGrow = false;
    for (const p of this.pairs(f.value, `${where} derive`)) {
      if (p.key === 'grow_by') {
        sawGrow = true;
        const items: (Node | null)[] = isSeq(p.value) ? (p.value.items as (Node | null)[]).map((n) => this.deref(n)) : [p.value];
        for (const item of items) {
          const step = this.step(item, p.keyRange, where);
          if (step) spec.growBy.push(step);
          else ok = false;
        }
      } else if (p.key === 'round') {
        const t = this.scalarText(p.value);
        if (t === 'dollar' || t === 'cent') spec.round = t;
        else if (t === 'none') spec.round = undefined;
        else if (t !== undefined && /^\d+$/.test(t) && t.length < 3) spec.round = { places: Number(t) } as RoundingUnit;
        else {
          this.report(C.badOption, this.rangeOf(p.value, p.keyRange), `'round' must be ${ROUND_WORDS.join(', ')} or a number of decimal places; found ${JSON.stringify(t ?? '')}`);
          ok = false;
        }
      } else if (p.key === 'mode') {
        const m = this.option(p, MODES);
        if (m) spec.mode = m;
        else ok = false;
      } else {
        this.unknownKey(p.key, p.keyRange, DERIVE_KEYS, `${where} derive`);
        ok = false;
      }
    }
    if (!sawGrow) {
      this.report(C.missingField, f.keyRange, `${where}: 'derive' needs 'grow_by' (a list of percent parameters or literals such as 2.31%)`);
      ok = false;
    }
    return ok ? spec : undefined;
  }

  step(node: Node | null, fallback: SourceRange, where: string): DeriveStep | undefined {
    const range = this.rangeOf(node, fallback);
    const t = this.scalarText(node)?.trim();
    if (t === undefined || t === '') {
      this.report(C.badShape, range, `${where}: a grow_by step is a parameter name or a percent such as 2.31%`);
      return undefined;
    }
    const pct = parsePercentText(t);
    if (pct) return { kind: 'literal', value: pct, text: t, range };
    if (NAME.test(t)) return { kind: 'param', name: t, range };
    const hint = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? ` (a percent is written with %, e.g. ${t}%)` : '';
    this.report(C.wrongUnit, range, `${where}: grow_by step ${JSON.stringify(t)} is neither a parameter name nor a percent${hint}`);
    return undefined;
  }
}

/** Reads one parameter file. Positions are 1-based line:col of `file`. */
export function loadParameterFile(file: string, text: string): { params: Parameter[]; diagnostics: Diagnostic[] } {
  const loader = new Loader(file, text);
  let params: Parameter[] = [];
  try {
    params = loader.load();
  } catch (err) {
    loader.report(C.yamlSyntax, { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, `could not read parameter file: ${(err as Error).message}`);
  }
  return { params, diagnostics: loader.diagnostics };
}

export type { ParamValue };
