/** `lcff check`: the note of an unconfirmed value is shown as why it is unconfirmed and what would confirm it. */
import { describe, expect, it } from 'vitest';
import { unconfirmedNote } from '../../src/cli/commands/check.js';

describe('unconfirmed notes', () => {
  it('splits a note at "Confirmed by:"', () => {
    expect(unconfirmedNote('Recalled, not read. Confirmed by: EC 2574(c) as enacted in 2013.')).toBe('    why: Recalled, not read.\n    would be confirmed by: EC 2574(c) as enacted in 2013');
  });
  it('says when a note does not name a confirming source, and escapes control characters', () => {
    expect(unconfirmedNote('no idea\u001b[2J')).toBe('    why: no idea\\x1b[2J\n    would be confirmed by: (the note does not say)');
    expect(unconfirmedNote(undefined)).toBe('    why: (no note)\n    would be confirmed by: (the note does not say)');
  });
});
