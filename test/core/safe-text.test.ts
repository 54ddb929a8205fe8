import { describe, expect, it } from 'vitest';
import { excerpt, visible } from '../../src/core/safe-text.js';

describe('safe text', () => {
  it('shows escape sequences, OSC title changes and bidi overrides as visible escapes', () => {
    expect(visible('a\u001b[2Jb')).toBe('a\\x1b[2Jb');
    expect(visible('\u001b]0;pwned\u0007')).toBe('\\x1b]0;pwned\\x07');
    expect(visible('x\u202ey')).toBe('x\\u202ey');
    expect(visible('a\tb\nc')).toBe('a\\x09b\\x0ac');
    expect(visible('a\tb\nc', true)).toBe('a\tb\nc');
    expect(visible('Alameda — Unified é')).toBe('Alameda — Unified é');
  });

  it('quotes a bounded excerpt with its full length', () => {
    expect(excerpt('0,95')).toBe('"0,95"');
    expect(excerpt('say "hi" \\ \u001b')).toBe('"say \\"hi\\" \\\\ \\x1b"');
    const long = 'x'.repeat(50_000);
    const e = excerpt(long);
    expect(e.length).toBeLessThan(100);
    expect(e).toMatch(/^"x{60}…" \(50000 characters\)$/);
  });
});
