/**
 * The label table (`labels.yaml` at the root of a rule folder): the plain
 * words a report shows for identifiers of the result that are not enum
 * members (enums carry their labels in the rule files) — kinds of LEA, column
 * and section names, and what a section is about. Groups of `key: text`;
 * reports fall back to the identifier when a label is missing. Loaded with
 * positions like the manifest; never throws on bad input.
 */
import { isMap, isScalar } from 'yaml';
import type { Diagnostic } from '../core/diagnostics.js';
import { excerpt } from '../core/safe-text.js';
import { ParamCodes } from './diagnostic-codes.js';
import { YamlSource } from './yaml-source.js';

import { LABELS_FILE } from './file-names.js';

export { isLabelsFile, LABELS_FILE } from './file-names.js';

export const LabelCodes = {
  /** The label table does not parse, is not a mapping of groups to `key: text` mappings, or has an empty label or a bad name. */
  badLabels: 'LCFF-E066',
} as const;

/** group → key → label */
export type LabelTable = Map<string, Map<string, string>>;

const NAME = /^[a-z][a-z0-9_]*$/;

class LabelsReader extends YamlSource {
  read(): LabelTable | undefined {
    const root = this.rootMapping(LabelCodes.badLabels, `${LABELS_FILE} is a mapping of groups (e.g. lea_kind) to mappings of names to labels`);
    if (!root) return undefined;
    const table: LabelTable = new Map();
    for (const g of this.pairs(root, 'label group')) {
      if (!NAME.test(g.key)) {
        this.report(LabelCodes.badLabels, g.keyRange, `label group ${excerpt(g.key)} must be a lower-case name (letters, digits, _)`);
        continue;
      }
      if (!isMap(g.value)) {
        this.report(LabelCodes.badLabels, this.rangeOf(g.value, g.keyRange), `label group '${g.key}' is a mapping of names to labels`);
        continue;
      }
      const group = new Map<string, string>();
      for (const p of this.pairs(g.value, `label in ${g.key}`)) {
        const text = isScalar(p.value) ? this.scalarText(p.value)?.trim() : undefined;
        if (!NAME.test(p.key)) this.report(LabelCodes.badLabels, p.keyRange, `label name ${excerpt(p.key)} in '${g.key}' must be a lower-case name (letters, digits, _)`);
        else if (!text) this.report(LabelCodes.badLabels, this.rangeOf(p.value, p.keyRange), `the label of '${g.key}.${p.key}' must be a non-empty text`);
        else group.set(p.key, text);
      }
      table.set(g.key, group);
    }
    return table;
  }
}

export function loadLabels(file: string, text: string): { labels?: LabelTable; diagnostics: Diagnostic[] } {
  const r = new LabelsReader(file, text);
  const labels = r.read();
  // The shared YAML reader reports duplicate and non-scalar keys with the parameter codes; here they are label-table errors.
  const diagnostics = r.diagnostics.map((d) => (d.code === ParamCodes.duplicateKey || d.code === ParamCodes.badShape ? { ...d, code: LabelCodes.badLabels } : d));
  return { ...(labels ? { labels } : {}), diagnostics };
}
