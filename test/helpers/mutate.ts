/**
 * Hostile texts for fuzzing: a real file with random edits (spans deleted,
 * duplicated or moved, hostile snippets inserted), token soups of the rule
 * language, and arbitrary unicode. Shared by the parser, parameter-loader,
 * formatter and language-server fuzzers.
 */
import fc from 'fast-check';

/** Snippets that have broken parsers: unbalanced brackets, keywords out of place, prototype words, control and astral characters, deep nesting. */
export const HOSTILE = [
  '(', ')', '[', ']', '"', '\\', '//', '///', '\n', '\r\n', '\t', '\u0000', '\u001b[2J', '\u202e', '😀', 'é',
  'if', 'then', 'else', 'end', 'rule', 'otherwise', 'when', 'decision', 'formula', 'facts', 'enum', 'cite', 'effective', 'status',
  'and', 'or', 'not', 'is', 'in', 'present', 'missing', 'round', 'to', 'places',
  'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf',
  '$1,2,3', '$9,572.00', '2019-21', '2019-20..', '20%', '1e9', '0.', '-', '--', '..', '...', ':', ',', '=', '!=', '<=',
  '('.repeat(70), ')'.repeat(70), 'not '.repeat(70), '- '.repeat(70), 'if x then '.repeat(70),
  '('.repeat(400), '['.repeat(400), 'if x then '.repeat(300), ' + 1'.repeat(3000), ' and x'.repeat(3000),
  // YAML
  ': ', '- ', '{', '}', '&a', '*a', '<<: *a', '!!binary', '? ', '|', '>', '#', '---', '...', 'unknown', 'value:', 'derive:', 'by: constructor',
];

type Edit = { kind: 'delete' | 'duplicate' | 'insert' | 'move'; at: number; len: number; text: string; to: number };

const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('delete', 'duplicate', 'insert', 'insert', 'move'),
  at: fc.nat(),
  len: fc.nat({ max: 80 }),
  text: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })),
  to: fc.nat(),
});

function apply(text: string, e: Edit): string {
  const at = text.length === 0 ? 0 : e.at % (text.length + 1);
  const end = Math.min(text.length, at + e.len);
  switch (e.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(end);
    case 'duplicate':
      return text.slice(0, end) + text.slice(at, end) + text.slice(end);
    case 'insert':
      return text.slice(0, at) + e.text + text.slice(at);
    case 'move': {
      const span = text.slice(at, end);
      const rest = text.slice(0, at) + text.slice(end);
      const to = rest.length === 0 ? 0 : e.to % (rest.length + 1);
      return rest.slice(0, to) + span + rest.slice(to);
    }
  }
}

/** `base` with 1 to 4 random edits. */
export function mutated(base: string): fc.Arbitrary<string> {
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => edits.reduce(apply, base));
}

/** Words and symbols of the rule language (and some that are not) in random order. */
export const tokenSoup: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.constantFrom('x', 'student.ada', 'coe.cds', 'k3', 'grade_span', 'Money', 'Rate', '1', '2.5', '"t"', 'max', 'min', 'fiscal_year')), { maxLength: 120 })
  .chain((words) => fc.array(fc.constantFrom(' ', ' ', '\n', '  ', ''), { minLength: words.length, maxLength: words.length }).map((seps) => words.map((w, i) => w + seps[i]).join('')));

/** Arbitrary unicode text, including control and astral characters. */
export const anyText: fc.Arbitrary<string> = fc.string({ unit: 'binary', maxLength: 300 });
