/**
 * First pass of the checker: collects every declaration of every rule file
 * into the library's tables and symbol list, reporting duplicates.
 */
import type { Diagnostic, SourceRange } from '../core/diagnostics.js';
import type { Name, RuleFile, TypeRef } from '../syntax/ast.js';
import { SemanticCodes as C } from './diagnostic-codes.js';
import type { Library, SymbolDef, SymbolKind } from './library.js';
import { SCALAR_NAMES, type ScalarName, type Type, T } from './types.js';

export function symbolKey(kind: SymbolKind, ...parts: string[]): string {
  return `${kind}:${parts.join('.')}`;
}

export function diag(code: string, file: string, range: SourceRange, message: string, extra?: Partial<Diagnostic>): Diagnostic {
  const severity = code.startsWith('LCFF-W') ? 'warning' : 'error';
  return { code, severity, message, file, range, ...extra };
}

export function collectDeclarations(lib: Library, files: RuleFile[]): void {
  const seen = new Map<string, SymbolDef>();
  const define = (def: SymbolDef): void => {
    const prior = seen.get(def.key);
    if (prior && def.kind !== 'rule' && def.kind !== 'formula') {
      lib.diagnostics.push(
        diag(C.duplicate, def.file, def.range, `${def.kind} "${def.name}" is declared twice`, {
          related: [{ file: prior.file, range: prior.range, message: 'first declared here' }],
        }),
      );
      return;
    }
    if (!prior) seen.set(def.key, def);
    lib.definitions.push(def);
  };

  for (const f of files) {
    for (const d of f.declarations) {
      if (d.kind === 'enum') {
        define({ key: symbolKey('enum', d.name.text), kind: 'enum', name: d.name.text, file: f.file, range: d.name.range, fullRange: d.range, detail: `enum ${d.name.text}${d.label ? ` "${d.label}"` : ''}`, doc: d.doc });
        if (!lib.enums.has(d.name.text)) lib.enums.set(d.name.text, { decl: d, file: f.file });
        for (const m of d.members) {
          define({ key: symbolKey('member', d.name.text, m.name.text), kind: 'member', name: m.name.text, file: f.file, range: m.name.range, fullRange: m.range, detail: `${d.name.text}.${m.name.text}${m.label ? ` "${m.label}"` : ''}`, doc: m.doc ?? m.label });
          const list = lib.members.get(m.name.text) ?? [];
          if (!list.includes(d.name.text)) list.push(d.name.text);
          lib.members.set(m.name.text, list);
        }
      } else if (d.kind === 'set') {
        define({ key: symbolKey('set', d.name.text), kind: 'set', name: d.name.text, file: f.file, range: d.name.range, fullRange: d.range, detail: `set ${d.name.text} : ${d.of.text} = [${d.members.map((m) => m.text).join(', ')}]`, doc: d.doc });
        if (!lib.sets.has(d.name.text)) lib.sets.set(d.name.text, { decl: d, file: f.file });
      } else if (d.kind === 'facts') {
        define({ key: symbolKey('facts', d.name.text), kind: 'facts', name: d.name.text, file: f.file, range: d.name.range, fullRange: d.range, detail: `facts ${d.name.text}${d.label ? ` "${d.label}"` : ''}`, doc: d.doc ?? d.label });
        const group = lib.factGroups.get(d.name.text) ?? new Map();
        lib.factGroups.set(d.name.text, group);
        for (const field of d.fields) {
          const path = field.name.text;
          const type = resolveTypeRef(lib, f.file, field.type, true);
          define({ key: symbolKey('fact', d.name.text, path), kind: 'fact', name: `${d.name.text}.${path}`, file: f.file, range: field.name.range, fullRange: field.range, detail: `${d.name.text}.${path} : ${typeRefText(field.type)}${field.optional ? ' (optional)' : ''}`, doc: field.doc ?? field.label });
          group.set(path, { group: d.name.text, path, field, file: f.file, type });
        }
      } else if (d.kind === 'formula') {
        define({ key: symbolKey('formula', d.name.text), kind: 'formula', name: d.name.text, file: f.file, range: d.name.range, fullRange: d.range, detail: formulaSignature(d.name.text, d.params.map((p) => `${p.name.text}: ${typeRefText(p.type)}`), typeRefText(d.returns)), doc: d.doc });
        const versions = lib.formulas.get(d.name.text) ?? [];
        versions.push({ decl: d, file: f.file });
        lib.formulas.set(d.name.text, versions);
      } else if (d.kind === 'decision') {
        define({ key: symbolKey('decision', d.name.text), kind: 'decision', name: d.name.text, file: f.file, range: d.name.range, fullRange: d.range, detail: `decision ${d.name.text} for ${d.subject.text}${d.mode === 'collect' ? ' collect' : ''}`, doc: d.doc ?? d.label });
        if (!lib.decisions.has(d.name.text)) lib.decisions.set(d.name.text, { decl: d, file: f.file });
        for (const o of d.outputs) {
          define({ key: symbolKey('output', d.name.text, o.name.text), kind: 'output', name: o.name.text, file: f.file, range: o.name.range, fullRange: o.range, detail: `output ${o.name.text} : ${typeRefText(o.type)}`, doc: o.doc });
        }
        for (const r of d.rules) {
          define({ key: symbolKey('rule', d.name.text, r.name.text), kind: 'rule', name: r.name.text, file: r.file ?? f.file, range: r.name.range, fullRange: r.range, detail: `rule ${r.name.text} (decision ${d.name.text})`, doc: r.doc });
        }
      }
    }
  }
}

export function formulaSignature(name: string, params: string[], returns: string): string {
  return `formula ${name}(${params.join(', ')}) : ${returns}`;
}

export function typeRefText(t: TypeRef): string {
  return t.kind === 'list' ? `list of ${t.element.text}` : t.name.text;
}

/**
 * Resolves a written type. During declaration collection enums may not be
 * known yet (`deferred`), so unknown names are checked again by `checkTypeRefs`.
 */
export function resolveTypeRef(lib: Library, file: string, t: TypeRef, deferred = false): Type {
  const one = (n: Name): Type => {
    if ((SCALAR_NAMES as readonly string[]).includes(n.text)) return { k: 'scalar', name: n.text as ScalarName };
    if (deferred) return { k: 'enum', name: n.text };
    if (lib.enums.has(n.text)) {
      lib.references.push({ key: symbolKey('enum', n.text), file, range: n.range });
      return { k: 'enum', name: n.text };
    }
    lib.diagnostics.push(diag(C.unknownType, file, n.range, `unknown type "${n.text}"; types are ${SCALAR_NAMES.join(', ')} or an enum name`));
    return T.unknown;
  };
  if (t.kind === 'list') return { k: 'list', element: one(t.element) };
  return one(t.name);
}
