/** Stable codes of the semantic checker (LCFF-E010..E039, LCFF-W030..W039). */
export const SemanticCodes = {
  unknownName: 'LCFF-E010',
  unknownFact: 'LCFF-E011',
  unknownMember: 'LCFF-E012',
  unknownType: 'LCFF-E013',
  duplicate: 'LCFF-E014',
  arity: 'LCFF-E015',
  badIndex: 'LCFF-E016',
  /** A `let` or `set` whose name is already taken: a second let of the same name in the rule, or a parameter, enum member, set, formula or built-in name. */
  nameTaken: 'LCFF-E017',
  unitMismatch: 'LCFF-E020',
  typeMismatch: 'LCFF-E021',
  notBool: 'LCFF-E022',
  outputType: 'LCFF-E023',
  unknownOutput: 'LCFF-E024',
  outputMissing: 'LCFF-E025',
  returnType: 'LCFF-E026',
  overlap: 'LCFF-E030',
  missingEffective: 'LCFF-E031',
  missingCitation: 'LCFF-E032',
  paramNoValue: 'LCFF-E033',
  formulaNotInForce: 'LCFF-E034',
  otherwiseWithWhen: 'LCFF-E035',
  recursion: 'LCFF-E036',
  /** An optional fact used where it may be missing: it needs a presence guard (`x is present and ...`, `if x is present then ... else ...`). */
  unguardedOptional: 'LCFF-E037',
  /** Formulas that call each other in a chain deeper than MAX_CALL_DEPTH (calls.ts). */
  callsTooDeep: 'LCFF-E038',
  /** lcff itself failed on a file or declaration (a bug): reported there, and the rest of the library is checked without it. */
  internalFailure: 'LCFF-E039',
  unreachable: 'LCFF-W030',
  unconfirmedWithoutNote: 'LCFF-W031',
  /** A rule's `let` that neither its `when`, its `then` nor a later let uses. */
  unusedLocal: 'LCFF-W032',
} as const;

/** Stable codes of a reform overlaid on the library (src/semantics/reform.ts, docs/reforms.md): LCFF-E080..E089, LCFF-W080..W089. */
export const ReformCodes = {
  /** A reform declares an enum, facts group, set or source id the library already has: those can only be added. */
  cannotReplace: 'LCFF-E080',
  /** A reform parameter of a library parameter's name with another unit or breakdown. */
  parameterShape: 'LCFF-E081',
  /** A reform decision of a library decision's name with another subject, mode or outputs. */
  decisionShape: 'LCFF-E082',
  /** A reform's library.yaml that moves the first year or shortens the horizon. */
  horizon: 'LCFF-E083',
  /** A reform that replaces nothing and adds nothing. */
  changesNothing: 'LCFF-W080',
} as const;
