/**
 * A fresh cache folder for each test of a file (LCFF_CACHE_DIR), with the
 * cache on (LCFF_NO_CACHE unset); both variables are restored afterwards.
 * Returns a function giving the current test's folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

export function useTempCache(prefix: string): () => string {
  let dir = '';
  const saved = { dir: process.env.LCFF_CACHE_DIR, off: process.env.LCFF_NO_CACHE };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    process.env.LCFF_CACHE_DIR = dir;
    delete process.env.LCFF_NO_CACHE;
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    process.env.LCFF_CACHE_DIR = saved.dir;
    if (saved.off === undefined) delete process.env.LCFF_NO_CACHE;
    else process.env.LCFF_NO_CACHE = saved.off;
  });
  return () => dir;
}
