/**
 * Reading one file of a rule library (rule file, parameter YAML or the
 * manifest) on its own: a file over the size limit is not read (LCFF-E009),
 * and a failure of lcff itself on a file becomes a diagnostic of that file
 * (LCFF-E039) while the rest of the workspace is checked without it. A cache
 * (the language server's) keeps the result of each file until its text
 * changes, so an edit re-reads one file, not all of them.
 */
import { LineIndex, NO_RANGE, type Diagnostic } from '../core/diagnostics.js';
import { internalFailure } from './internal-failure.js';
import { isParameterFile, isRuleFile } from '../params/file-names.js';
import { loadParameterFile, type Parameter } from '../params/index.js';
import { isManifestFile, loadManifest, type LibraryManifest } from '../params/manifest.js';
import { isSourcesFile, loadSources, type SourceRegister } from '../params/sources.js';
import { isLabelsFile, loadLabels, type LabelTable } from '../params/labels.js';
import type { RuleFile } from '../syntax/ast.js';
import { SyntaxCodes } from '../syntax/diagnostic-codes.js';
import { MAX_SOURCE_CHARS } from '../syntax/limits.js';
import { DeclarationMemo } from '../syntax/declaration-memo.js';
import { parseRuleFile } from '../syntax/parse.js';

export interface SourceText {
  file: string;
  text: string;
}

export interface ReadSource {
  ast?: RuleFile;
  params?: Parameter[];
  manifest?: LibraryManifest;
  register?: SourceRegister;
  labels?: LabelTable;
  diagnostics: Diagnostic[];
}

/** Results by file, reused while the text is the same; after an edit, the declarations of a rule file whose text is unchanged are reused (`memo`). */
export type SourceCache = Map<string, { text: string; read: ReadSource; memo?: DeclarationMemo }>;

export { isParameterFile, isRuleFile } from '../params/file-names.js';

export { internalFailure } from './internal-failure.js';

function readUncached(s: SourceText, memo?: DeclarationMemo): ReadSource {
  if (s.text.length > MAX_SOURCE_CHARS) {
    return {
      diagnostics: [
        {
          code: SyntaxCodes.tooDeep,
          severity: 'error',
          message: `this file has ${s.text.length.toLocaleString('en-US')} characters; lcff reads rule and parameter files of up to ${MAX_SOURCE_CHARS.toLocaleString('en-US')}: split it into several files`,
          file: s.file,
          range: NO_RANGE,
        },
      ],
    };
  }
  try {
    if (isManifestFile(s.file)) {
      const m = loadManifest(s.file, s.text);
      return { ...(m.manifest ? { manifest: m.manifest } : {}), diagnostics: m.diagnostics };
    }
    if (isLabelsFile(s.file)) {
      const l = loadLabels(s.file, s.text);
      return { ...(l.labels ? { labels: l.labels } : {}), diagnostics: l.diagnostics };
    }
    if (isSourcesFile(s.file)) {
      const r = loadSources(s.file, s.text);
      return { ...(r.register ? { register: r.register } : {}), diagnostics: r.diagnostics };
    }
    if (isRuleFile(s.file)) {
      const { ast, diagnostics } = parseRuleFile(s.file, s.text, memo);
      return { ast, diagnostics };
    }
    if (isParameterFile(s.file)) {
      const { params, diagnostics } = loadParameterFile(s.file, s.text);
      return { params, diagnostics };
    }
  } catch (e) {
    return { diagnostics: [internalFailure(s.file, e, 'reading this file')] };
  }
  return { diagnostics: [] };
}

/**
 * Keeps every diagnostic inside its file: a position past the end (the YAML
 * parser points one past it at an unclosed quote; manifest.ts still passes
 * that on) is moved to the end.
 */
function withinText(read: ReadSource, text: string): ReadSource {
  if (!read.diagnostics.some((d) => d.range.end.offset > text.length)) return read;
  const lines = new LineIndex(text);
  const clamp = (o: number): number => Math.min(o, text.length);
  const diagnostics = read.diagnostics.map((d) => (d.range.end.offset > text.length ? { ...d, range: lines.range(clamp(d.range.start.offset), clamp(d.range.end.offset)) } : d));
  return { ...read, diagnostics };
}

export function readSource(s: SourceText, cache?: SourceCache): ReadSource {
  const hit = cache?.get(s.file);
  if (hit && hit.text === s.text) return hit.read;
  const memo = cache && isRuleFile(s.file) ? (hit?.memo ?? new DeclarationMemo()) : undefined;
  const read = withinText(readUncached(s, memo), s.text);
  cache?.set(s.file, { text: s.text, read, ...(memo ? { memo } : {}) });
  return read;
}
