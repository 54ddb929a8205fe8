/**
 * The rule library's identity (src/params/library-hash.ts): the same files
 * give the same hash whatever their order, their folder on disk or the
 * working directory; one changed byte, an added, removed or renamed file, or
 * a file moved from the library to an overlay gives another.
 */
import { describe, expect, it } from 'vitest';
import { fileKey, libraryHash, shortHash } from '../../src/params/library-hash.js';
import { hashOfLibrary } from '../../src/run/provenance.js';
import { bundledLibrary, ROOT } from '../helpers/library.js';

const FILES = [
  { path: '/lib/rules/library.yaml', content: 'name: test\n' },
  { path: '/lib/rules/params/cola.yaml', content: 'cola:\n  2019-20: 3.26%\n' },
  { path: '/lib/rules/enums.lcff', content: 'enum colour\n  red\nend\n' },
];

describe('libraryHash', () => {
  it('is sha256: and 64 hex digits, and counts the files', () => {
    const h = libraryHash(['/lib/rules'], FILES);
    expect(h.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(h.files).toBe(3);
    expect(shortHash(h.hash)).toBe(h.hash.slice(7, 19));
  });

  it('does not depend on the order of the files, the folder they are in or the working directory', () => {
    const a = libraryHash(['/lib/rules'], FILES);
    expect(libraryHash(['/lib/rules'], [...FILES].reverse())).toEqual(a);
    const moved = FILES.map((f) => ({ ...f, path: f.path.replace('/lib/rules', '/elsewhere/law') }));
    expect(libraryHash(['/elsewhere/law'], moved)).toEqual(a);
    const relativeToCwd = FILES.map((f) => ({ ...f, path: f.path.replace('/lib/', '') }));
    expect(libraryHash(['rules'], relativeToCwd, '/lib')).toEqual(a);
  });

  it('hashes text as its UTF-8 bytes: a string and its bytes give the same hash', () => {
    const bytes = FILES.map((f) => ({ ...f, content: new TextEncoder().encode(f.content) }));
    expect(libraryHash(['/lib/rules'], bytes)).toEqual(libraryHash(['/lib/rules'], FILES));
  });

  it('changes with one byte of one file, a file added or removed, a file renamed', () => {
    const base = libraryHash(['/lib/rules'], FILES).hash;
    const changed = FILES.map((f) => (f.path.endsWith('cola.yaml') ? { ...f, content: f.content.replace('3.26%', '3.27%') } : f));
    const added = [...FILES, { path: '/lib/rules/params/empty.yaml', content: '' }];
    const renamed = FILES.map((f) => (f.path.endsWith('enums.lcff') ? { ...f, path: '/lib/rules/enum.lcff' } : f));
    const hashes = [base, ...[changed, added, FILES.slice(1), renamed].map((fs) => libraryHash(['/lib/rules'], fs).hash)];
    expect(new Set(hashes).size).toBe(5);
  });

  it('tells a file\'s name from its content: a file whose bytes spell another file\'s name and content is not those two files', () => {
    // without the length before each file's bytes both would hash the stream "0/a\0q0/b\0z"
    const two = [{ path: '/r/a', content: 'q' }, { path: '/r/b', content: 'z' }];
    const one = [{ path: '/r/a', content: 'q0/b\0z' }];
    expect(libraryHash(['/r'], two).hash).not.toBe(libraryHash(['/r'], one).hash);
  });

  it('names a file by its root: the same file in an overlay folder is not the library\'s file', () => {
    expect(fileKey(['/lib/rules', '/reform'], '/reform/params/cola.yaml')).toBe('1/params/cola.yaml');
    expect(fileKey(['/lib/rules', '/reform'], '/lib/rules/params/cola.yaml')).toBe('0/params/cola.yaml');
    // an overlay inside the library's folder: the most specific root names it
    expect(fileKey(['/lib/rules', '/lib/rules/reform'], '/lib/rules/reform/x.lcff')).toBe('1/x.lcff');
    // a root that is a file, a file under no root, a sibling whose name starts like the root's
    expect(fileKey(['/lib/rules/enums.lcff'], '/lib/rules/enums.lcff')).toBe('0/enums.lcff');
    expect(fileKey(['/lib/rules'], '/other/x.lcff')).toBe('-//other/x.lcff');
    expect(fileKey(['/lib/rules'], '/lib/rules-old/x.lcff')).toBe('-//lib/rules-old/x.lcff');
    const lawOnly = libraryHash(['/lib/rules', '/reform'], FILES).hash;
    const withOverlay = libraryHash(['/lib/rules', '/reform'], [...FILES, { path: '/reform/params/cola.yaml', content: 'cola:\n  2019-20: 3.27%\n' }]).hash;
    expect(withOverlay).not.toBe(lawOnly);
  });

  it('of the bundled library covers every file it loaded, library.yaml, sources.yaml and labels.yaml among them', async () => {
    const lib = await bundledLibrary();
    const files = [...lib.sources.keys()];
    for (const f of ['rules/library.yaml', 'rules/sources.yaml', 'rules/labels.yaml', 'rules/params/cola.yaml', 'rules/enums.lcff']) expect(files).toContain(f);
    const h = hashOfLibrary(lib, [`${ROOT}rules`], ROOT);
    expect(h.files).toBe(files.length);
    // the same library, named from another working directory
    expect(hashOfLibrary(lib, ['rules'], ROOT)).toEqual(h);
  });
});
