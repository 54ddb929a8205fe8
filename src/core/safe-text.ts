/**
 * User text on its way to a terminal or into a message: control characters
 * (C0, DEL, C1 — escape sequences, OSC title changes, carriage returns) and
 * the Unicode bidirectional controls that can reorder what a reader sees
 * are shown as visible escapes, and quoted excerpts are bounded, so input
 * can never drive the terminal or flood an error line.
 */

// C0 except tab/newline (kept for layout by callers that want them), DEL, C1, bidi embedding/override/isolate marks, line/paragraph separators.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const UNSAFE_WITH_LAYOUT = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

function escapeChar(ch: string): string {
  const code = ch.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every control character shown as a visible escape (`\x1b`); tabs and newlines too unless `keepLayout`. */
export function visible(text: string, keepLayout = false): string {
  return text.replace(keepLayout ? UNSAFE : UNSAFE_WITH_LAYOUT, escapeChar);
}

/** The longest excerpt of user input an error message quotes. */
export const EXCERPT_MAX = 60;

/**
 * A short, escaped, double-quoted excerpt of user input for an error
 * message: at most `max` characters of the original, with an ellipsis and
 * the full length when cut ("…" (50000 characters)).
 */
export function excerpt(text: string, max = EXCERPT_MAX): string {
  let raw = text;
  let cut = false;
  if (text.length > max) {
    // count code points only up to the cut, so a 50 MB value costs nothing more than its first characters
    let n = 0;
    let end = 0;
    for (const ch of text) {
      if (n === max) { cut = true; break; }
      n += 1;
      end += ch.length;
    }
    raw = text.slice(0, end);
  }
  const shown = visible(raw.replace(/\\/g, '\\\\').replace(/"/g, '\\"'));
  return cut ? `"${shown}…" (${text.length} characters)` : `"${shown}"`;
}
