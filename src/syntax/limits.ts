/**
 * The limits of what lcff reads (docs/language.md, "Limits"; all reported as
 * LCFF-E009 at the place the limit is crossed). They keep every stage within
 * the stack and keep one huge or broken file from stalling the checker or the
 * language server; real rule libraries stay far below them.
 */

/** The deepest an expression may nest; the parser needs about 1/3 of Node's default stack at this depth (it overflowed near 156 nested parentheses). */
export const MAX_NESTING = 64;

/** Syntax errors read in one file; after them the rest of the file is not read. */
export const MAX_SYNTAX_ERRORS = 100;

/** The largest rule or parameter file read, in characters (the largest bundled file has about 6,300; at the limit a parameter file takes about a second to read). */
export const MAX_SOURCE_CHARS = 500_000;
