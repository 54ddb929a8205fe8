/**
 * The cache of checked and compiled libraries (src/cache): a cached `check`,
 * `compile` or `run` prints exactly what an uncached one does; an entry that is
 * corrupt, truncated, of another shape or for other files is never used;
 * LCFF_NO_CACHE and --no-cache write nothing; concurrent runs are safe.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lcff } from '../helpers/cli.js';
import { ROOT } from '../helpers/library.js';

const dirs: string[] = [];
function temp(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const entries = (cache: string): string[] => readdirSync(cache).sort();

describe('the library cache', () => {
  it('prints the same check and compile output, byte for byte, cached and uncached', () => {
    const cache = temp('lcff-cache-');
    const env = { LCFF_CACHE_DIR: cache };
    for (const args of [['check', 'rules/'], ['compile', '--year', '2019-20'], ['compile', '--year', '2024-25', '--json']]) {
      const uncached = lcff(['--no-cache', ...args], { env });
      const first = lcff(args, { env }); // computes and writes
      const second = lcff(args, { env }); // reads
      expect(first).toEqual(uncached);
      expect(second).toEqual(uncached);
      expect(uncached.code).toBe(0);
    }
    expect(entries(cache).map((n) => n.replace(/-[0-9a-f]{64}\.json$/, ''))).toEqual(['check', 'compile-2019', 'compile-2024', 'reads']);
  }, 180_000);

  it('keeps the errors of a broken library: cached check exits 1, cached compile refuses it', () => {
    const cache = temp('lcff-cache-');
    const env = { LCFF_CACHE_DIR: cache };
    const bad = 'test/semantics/bad/four-errors.lcff';
    const uncached = lcff(['--no-cache', 'check', bad], { env });
    expect(uncached.code).toBe(1);
    expect(lcff(['check', bad], { env })).toEqual(uncached);
    expect(lcff(['check', bad], { env })).toEqual(uncached);
    const compile = lcff(['--no-cache', 'compile', '--year', '2019-20', '--rules', bad], { env });
    expect(compile.code).toBe(1);
    expect(compile.stderr).toContain('the rule library has errors');
    expect(lcff(['compile', '--year', '2019-20', '--rules', bad], { env })).toEqual(compile);
  }, 120_000);

  it('never uses an entry that is corrupt, truncated or of another shape: it computes the result again and rewrites the entry', () => {
    const cache = temp('lcff-cache-');
    const env = { LCFF_CACHE_DIR: cache };
    const good = lcff(['check', 'rules/'], { env });
    const [name] = entries(cache);
    const file = join(cache, name);
    const original = readFileSync(file, 'utf8');
    const [header, body] = [original.slice(0, original.indexOf('\n')), original.slice(original.indexOf('\n') + 1)];
    const withBody = (b: string): string => `lcff-cache 1 ${createHashHex(b)}\n${b}`;
    const damaged = [
      original.slice(0, original.length - 10), // truncated
      `${header}\n${body.replace(/"files":\d+/, '"files":999')}`, // changed, old checksum
      withBody(body.replace(/"files":\d+/, '"files":"22"')), // sound checksum, wrong shape
      withBody('{"diagnostics": ['), // sound checksum, not JSON
      `lcff-cache 999 ${createHashHex(body)}\n${body}`, // another format
    ];
    for (const text of damaged) {
      writeFileSync(file, text);
      expect(lcff(['check', 'rules/'], { env })).toEqual(good);
      expect(readFileSync(file, 'utf8')).toBe(original);
    }
  }, 180_000);

  it('a changed rule file is a different library: the cache never prints the old result', () => {
    const cache = temp('lcff-cache-');
    const work = temp('lcff-rules-');
    cpSync(join(ROOT, 'rules'), join(work, 'rules'), { recursive: true });
    const env = { LCFF_CACHE_DIR: cache };
    expect(lcff(['check', 'rules', '--quiet'], { env, cwd: work }).code).toBe(0);
    const enums = join(work, 'rules/enums.lcff');
    writeFileSync(enums, `${readFileSync(enums, 'utf8')}\nformula broken() : Money cite "EC 2574" = nothing_here\n`);
    const after = lcff(['check', 'rules', '--quiet'], { env, cwd: work });
    expect(after.code).toBe(1);
    expect(after).toEqual(lcff(['--no-cache', 'check', 'rules', '--quiet'], { env, cwd: work }));
    // a check entry and the files' reads (library-reads.ts) for each library
    expect(entries(cache).map((n) => n.slice(0, n.indexOf('-')))).toEqual(['check', 'check', 'reads', 'reads']);
  }, 120_000);

  it('lcff run prints the same, byte for byte, with its validators made, read back, or refused from a corrupt entry', () => {
    const cache = temp('lcff-cache-');
    const env = { LCFF_CACHE_DIR: cache, SOURCE_DATE_EPOCH: '1767323045' };
    const args = ['run', 'examples/2023-24-csv-students', '--json'];
    const uncached = lcff(['--no-cache', ...args], { env });
    expect(uncached.code).toBe(0);
    expect(entries(cache)).toEqual([]);
    expect(lcff(args, { env })).toEqual(uncached); // makes the entry
    const [name] = entries(cache).filter((n) => n.startsWith('validators-'));
    expect(name).toMatch(/^validators-[0-9a-f]{64}\.json$/);
    expect(lcff(args, { env })).toEqual(uncached); // reads it
    const file = join(cache, name);
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('exports.v0', 'exports.x0'));
    expect(lcff(args, { env })).toEqual(uncached);
    expect(readFileSync(file, 'utf8')).toBe(original);
  }, 120_000);

  it('lcff run prints the same, byte for byte, with the reads of the library made, read back, or refused from a damaged entry', () => {
    const cache = temp('lcff-cache-');
    const env = { LCFF_CACHE_DIR: cache, SOURCE_DATE_EPOCH: '1767323045' };
    const args = ['run', 'examples/2019-20-county-charter', '--json'];
    const uncached = lcff(['--no-cache', ...args], { env });
    expect(uncached.code).toBe(0);
    expect(lcff(args, { env })).toEqual(uncached); // parses, writes the reads
    const [name] = entries(cache).filter((n) => n.startsWith('reads-'));
    expect(name).toMatch(/^reads-[0-9a-f]{64}\.json$/);
    expect(lcff(args, { env })).toEqual(uncached); // reads them back
    const file = join(cache, name);
    const original = readFileSync(file, 'utf8');
    for (const text of [original.slice(0, -50), original.replace('"firstYear":', '"firstYear": ')]) {
      expect(text).not.toBe(original);
      writeFileSync(file, text);
      expect(lcff(args, { env })).toEqual(uncached);
      expect(readFileSync(file, 'utf8')).toBe(original);
    }
  }, 120_000);

  it('lcff run reports the errors of a broken library exactly as without the cache', () => {
    const cache = temp('lcff-cache-');
    const env = { LCFF_CACHE_DIR: cache };
    const args = ['run', 'examples/2019-20-county-charter', '--json', '--rules', 'test/semantics/bad/four-errors.lcff'];
    const uncached = lcff(['--no-cache', ...args], { env });
    expect(uncached.code).toBe(1);
    expect(uncached.stderr).toContain('the rule library has errors');
    expect(lcff(args, { env })).toEqual(uncached);
    expect(entries(cache).some((n) => n.startsWith('reads-'))).toBe(true);
    expect(lcff(args, { env })).toEqual(uncached);
  }, 120_000);

  it('writes nothing with LCFF_NO_CACHE=1 or --no-cache', () => {
    const cache = temp('lcff-cache-');
    expect(lcff(['check', 'rules/', '--quiet'], { env: { LCFF_CACHE_DIR: cache, LCFF_NO_CACHE: '1' } }).code).toBe(0);
    expect(lcff(['--no-cache', 'compile', '--year', '2019-20'], { env: { LCFF_CACHE_DIR: cache } }).code).toBe(0);
    expect(entries(cache)).toEqual([]);
  });

  it('concurrent runs into an empty cache all print the same and leave whole entries only', async () => {
    const cache = temp('lcff-cache-');
    const run = (): Promise<string> =>
      new Promise((resolve, reject) => {
        const p = spawn(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), 'compile', '--year', '2019-20', '--json'], { cwd: ROOT, env: { ...process.env, LCFF_CACHE_DIR: cache, NO_COLOR: '1' } });
        let out = '';
        p.stdout.on('data', (c: Buffer) => (out += c.toString()));
        p.on('error', reject);
        p.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
      });
    const outs = await Promise.all(Array.from({ length: 4 }, run));
    expect(new Set(outs).size).toBe(1);
    expect(entries(cache).every((n) => /^(check|compile-2019|reads)-[0-9a-f]{64}\.json$/.test(n))).toBe(true);
    expect(await run()).toBe(outs[0]);
  }, 120_000);
});

function createHashHex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
