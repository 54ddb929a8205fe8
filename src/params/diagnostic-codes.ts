/**
 * Stable codes of the parameter stage (LCFF-E040..LCFF-E059, LCFF-W040).
 * A code never changes meaning once published; new checks take new codes.
 */
export const ParamCodes = {
  /** The YAML itself does not parse (bad indentation, unclosed flow map, ...). */
  yamlSyntax: 'LCFF-E040',
  /** A key the format does not know (with did-you-mean). */
  unknownKey: 'LCFF-E041',
  /** The same key twice in one mapping (parameter, field, year or member). */
  duplicateKey: 'LCFF-E042',
  /** A values key that is not a fiscal year `YYYY-YY` with consecutive years. */
  badYear: 'LCFF-E043',
  /** Fiscal-year keys not in increasing order. */
  yearOrder: 'LCFF-E044',
  /** A value of the wrong unit: `20` for a percent, `20%` for USD, text for a number. */
  wrongUnit: 'LCFF-E045',
  /** A required field is missing (description, unit, values, status, a value). */
  missingField: 'LCFF-E046',
  /** A value with no citation (neither its own `cite` nor the parameter's). */
  missingCitation: 'LCFF-E047',
  /** `status: unconfirmed` with no `note` saying why. */
  unconfirmedWithoutNote: 'LCFF-E048',
  /** A breakdown key that is not a member of the `by` enum. */
  notMember: 'LCFF-E049',
  /** A breakdown value that lacks a member of the `by` enum. */
  missingMember: 'LCFF-E050',
  /** A derived value with nothing to derive from (first value, or the prior value is unknown). */
  deriveFromNothing: 'LCFF-E051',
  /** A derive step naming a parameter that does not exist. */
  unknownStepParam: 'LCFF-E052',
  /** A derive step naming a parameter that has no value in force in that year (or a cycle). */
  stepNoValue: 'LCFF-E053',
  /** A derived value that differs from the published value it is checked against. */
  publishedMismatch: 'LCFF-E054',
  /** The same parameter name defined twice (in one or several files). */
  duplicateParameter: 'LCFF-E055',
  /** A node of the wrong shape (a list where a mapping is expected, value and derive together, ...). */
  badShape: 'LCFF-E056',
  /** A field value outside its allowed set (unit, status, round, mode, a bad name). */
  badOption: 'LCFF-E057',
  /** A derive step whose parameter is not a (scalar) percent. */
  stepNotPercent: 'LCFF-E058',
  /** `by` names an enum the rule language does not define. */
  unknownEnum: 'LCFF-E059',
  /** Warning: a value marked confirmed is derived from unconfirmed inputs and no published check covers it. */
  confirmedOnUnconfirmed: 'LCFF-W040',
} as const;

export type ParamCode = (typeof ParamCodes)[keyof typeof ParamCodes];
