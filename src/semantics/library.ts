/**
 * The checked rule library: every declaration of every rule file, the
 * parameter table, and what each name in an expression resolved to. Built by
 * `buildLibrary` (workspace.ts); read by the compiler, the CLI and the
 * language server.
 */
import type { Diagnostic, SourceRange } from '../core/diagnostics.js';
import type { DecisionDecl, EnumDecl, FactField, FormulaDecl, LetDecl, Node, RuleFile, SetDecl } from '../syntax/ast.js';
import type { Parameter, ParameterTable } from '../params/index.js';
import type { Horizon, LibraryManifest } from '../params/manifest.js';
import type { SourceRegister } from '../params/sources.js';
import type { LabelTable } from '../params/labels.js';
import type { Type } from './types.js';
import type { ReformInfo } from './reform.js';

export type SymbolKind = 'enum' | 'member' | 'facts' | 'fact' | 'formula' | 'decision' | 'output' | 'rule' | 'param' | 'local' | 'set';

/** A named thing a reference can point at; `key` is unique in the library. */
export interface SymbolDef {
  key: string;
  kind: SymbolKind;
  name: string;
  file: string;
  range: SourceRange; // the name
  fullRange?: SourceRange; // the whole declaration
  detail: string;
  doc?: string;
}

export interface Reference {
  key: string;
  file: string;
  range: SourceRange;
}

/** What a name in an expression means. */
export type Resolution =
  | { kind: 'param'; name: string }
  | { kind: 'member'; enumName: string; member: string }
  | { kind: 'local'; name: string }
  /** a rule's `let`: evaluated at most once per evaluation of the rule */
  | { kind: 'let'; decl: LetDecl }
  /** a named set of enum members (`set aeg_bases : enrollment_basis = [...]`) */
  | { kind: 'set'; name: string; members: string[] }
  | { kind: 'fiscal_year' }
  | { kind: 'formula'; name: string }
  | { kind: 'builtin'; name: 'max' | 'min' };

export interface Located<T> {
  decl: T;
  file: string;
}

export interface FactInfo {
  group: string;
  path: string;
  field: FactField;
  file: string;
  type: Type;
}

export interface Library {
  files: RuleFile[];
  params: ParameterTable;
  paramList: Parameter[];
  enums: Map<string, Located<EnumDecl>>;
  /** member name → the enums that declare it */
  members: Map<string, string[]>;
  /** named sets of enum members, by name (the first declaration of a name) */
  sets: Map<string, Located<SetDecl>>;
  factGroups: Map<string, Map<string, FactInfo>>;
  formulas: Map<string, Array<Located<FormulaDecl>>>;
  decisions: Map<string, Located<DecisionDecl>>;
  definitions: SymbolDef[];
  references: Reference[];
  resolutions: WeakMap<Node, Resolution>;
  types: WeakMap<Node, Type>;
  diagnostics: Diagnostic[];
  /** Texts of every source file, by path (for the language server and formatter). */
  sources: Map<string, string>;
  /** The library's manifest (library.yaml), when the library has one. */
  manifest?: LibraryManifest;
  /** The sources register (sources.yaml): the ids a citation may name. */
  register?: SourceRegister;
  /** The label table (labels.yaml): plain words for result identifiers that are not enum members. */
  labels?: LabelTable;
  /** The fiscal years the library holds law for: from the manifest, else from the years its files name. */
  horizon: Horizon;
  /** The reform overlaid on the library (`--reform`): the files it loaded and what it replaced or added. */
  reform?: ReformInfo;
}
