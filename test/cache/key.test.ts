/** The cache key's fingerprint of lcff's build (src/cache/key.ts): the versions of the parsing libraries found as Node finds them. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codeFingerprint, installedVersion, libraryKey } from '../../src/cache/key.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the cache key', () => {
  it('finds an installed package in the node_modules of a folder or of a parent, else "?"', () => {
    const root = mkdtempSync(join(tmpdir(), 'lcff-key-'));
    dirs.push(root);
    mkdirSync(join(root, 'node_modules/chevrotain'), { recursive: true });
    writeFileSync(join(root, 'node_modules/chevrotain/package.json'), '{"version": "11.0.3"}');
    mkdirSync(join(root, 'a/b/node_modules/yaml'), { recursive: true });
    writeFileSync(join(root, 'a/b/node_modules/yaml/package.json'), '{"version": "2.8.1"}');
    expect(installedVersion(join(root, 'a/b'), 'chevrotain')).toBe('11.0.3');
    expect(installedVersion(join(root, 'a/b'), 'yaml')).toBe('2.8.1');
    expect(installedVersion(join(root, 'a'), 'yaml')).not.toBe('2.8.1');
    expect(installedVersion(join(root, 'a/b'), 'no-such-package-lcff')).toBe('?');
  });

  it('differs for another text, another file name or another version, never for the order of the files', () => {
    const a = { file: 'rules/a.lcff', text: 'enum x\n  y\nend\n' };
    const b = { file: 'rules/b.yaml', text: 'p: 1\n' };
    const key = libraryKey([a, b], '0.1.0');
    expect(libraryKey([b, a], '0.1.0')).toBe(key);
    expect(libraryKey([a, { ...b, text: 'p: 2\n' }], '0.1.0')).not.toBe(key);
    expect(libraryKey([a, { ...b, file: 'rules/c.yaml' }], '0.1.0')).not.toBe(key);
    expect(libraryKey([a, b], '0.1.1')).not.toBe(key);
    expect(codeFingerprint()).toMatch(/^[0-9a-f]{64}$/);
  });
});
