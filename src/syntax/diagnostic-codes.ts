/** Stable codes of the syntax stage (LCFF-E001..LCFF-E009). All are errors. */
export const SyntaxCodes = {
  /** A character that starts no token (`#`, `@`, `'`...). */
  unexpectedCharacter: 'LCFF-E001',
  /** The parser expected something else: `expected "then" after the rule's conditions but found "fund"`. */
  unexpectedToken: 'LCFF-E002',
  /** A quoted text without its closing quote on the same line. */
  unterminatedString: 'LCFF-E003',
  /** A fiscal year that is not `YYYY-YY` with consecutive years (`2019-21`, `2019-2020`). */
  badFiscalYear: 'LCFF-E004',
  /** An effective range whose first year is after its last (`2019-20..2018-19`). */
  badEffectiveRange: 'LCFF-E005',
  /** A malformed literal: `$1,2,3`, `round(x) to 2.5 places`. */
  badLiteral: 'LCFF-E006',
  /** An unknown escape in a quoted text (`"\q"`); only `\" \\ \n \t` exist. */
  badEscape: 'LCFF-E007',
  /** A clause given twice where only one is allowed (`effective` or `status` repeated). */
  duplicateClause: 'LCFF-E008',
  /** An expression nested deeper than the language allows (MAX_NESTING levels; see nesting.ts), or a file larger than MAX_SOURCE_CHARS. */
  tooDeep: 'LCFF-E009',
} as const;

export type SyntaxCode = (typeof SyntaxCodes)[keyof typeof SyntaxCodes];
