/** State shared by the section builders of one scenario load. */
import type { FiscalYear } from '../core/fiscal-year.js';
import type { SourceRef } from './model.js';
import type { At, Sink } from './values.js';
import type { YamlReader } from './yaml-reader.js';

/** A reference to a declared thing, resolved once everything is read. */
export interface Ref {
  kind: 'district' | 'school' | 'charter';
  value: string;
  field: string;
  /** Computed only when the reference is bad (CSV rows are many). */
  at: () => At;
}

export class Ctx {
  readonly refs: Ref[] = [];
  /** Every LEA code (COE, districts, charters): unique across all of them. */
  readonly leaCds = new Map<string, { at: At; field: string }>();
  readonly districts = new Set<string>();
  readonly charters = new Set<string>();
  readonly schools = new Map<string, { at: At; field: string }>();
  readonly studentIds = new Map<string, At>();
  fiscalYear?: FiscalYear;
  countyCode?: string;

  constructor(
    readonly r: YamlReader,
    readonly sink: Sink,
  ) {}

  source(at: At): SourceRef {
    return { file: at.file, line: at.range.start.line };
  }

  ref(kind: Ref['kind'], value: string | undefined, field: string, at: At | (() => At)): void {
    if (value !== undefined) this.refs.push({ kind, value, field, at: typeof at === 'function' ? at : () => at });
  }
}
