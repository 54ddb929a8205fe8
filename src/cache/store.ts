/**
 * The on-disk cache of what `lcff check` and `lcff compile` derive from a
 * rule library (see check-summary.ts, compile-view.ts). An optimisation only:
 * an entry is used only when its checksum, its JSON and its shape are all
 * sound — otherwise the command computes the result as if there were no
 * cache — and a cache that cannot be written is skipped silently.
 *
 * Where: `$LCFF_CACHE_DIR`, else `$XDG_CACHE_HOME/lcff-rules`, else
 * `~/.cache/lcff-rules`. Off: `LCFF_NO_CACHE=1` or `--no-cache`. Entries are
 * written to a temporary file and renamed, so concurrent runs never read a
 * half-written entry; the oldest are removed beyond `MAX_ENTRIES`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Bumped whenever the layout of an entry changes. */
export const CACHE_FORMAT = 1;
const HEADER = `lcff-cache ${CACHE_FORMAT} `;
export const MAX_ENTRIES = 64;

let disabled = false;

/** `--no-cache`: neither read nor write the cache in this process. */
export function disableCache(): void {
  disabled = true;
}

/** The cache folder, or undefined when the cache is off. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (disabled) return undefined;
  if (env.LCFF_NO_CACHE !== undefined && env.LCFF_NO_CACHE !== '' && env.LCFF_NO_CACHE !== '0') return undefined;
  if (env.LCFF_CACHE_DIR) return resolve(env.LCFF_CACHE_DIR);
  return join(env.XDG_CACHE_HOME ? resolve(env.XDG_CACHE_HOME) : join(homedir(), '.cache'), 'lcff-rules');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function entryPath(dir: string, kind: string, key: string): string {
  return join(dir, `${kind}-${key}.json`);
}

/** The entry, when present and sound: its header names this format, its checksum matches, it parses and `valid` accepts it. */
export function readEntry<T>(kind: string, key: string, valid: (value: unknown) => value is T): T | undefined {
  const dir = cacheDir();
  if (!dir) return undefined;
  let text: string;
  try {
    text = readFileSync(entryPath(dir, kind, key), 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  if (newline < 0 || !text.startsWith(HEADER)) return undefined;
  const body = text.slice(newline + 1);
  if (text.slice(HEADER.length, newline) !== sha256(body)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  return valid(value) ? value : undefined;
}

/** Writes an entry (temporary file, then rename); any failure leaves the cache as it was. */
export function writeEntry(kind: string, key: string, value: unknown): void {
  const dir = cacheDir();
  if (!dir) return;
  const tmp = join(dir, `.${kind}-${key}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const body = JSON.stringify(value); // inside: a value too large for one string is not cached, never an error
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(tmp, `${HEADER}${sha256(body)}\n${body}`, { mode: 0o600 });
    renameSync(tmp, entryPath(dir, kind, key));
    prune(dir);
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
  }
}

/** Keeps the newest MAX_ENTRIES entries. */
function prune(dir: string): void {
  const entries = readdirSync(dir).filter((n) => n.endsWith('.json'));
  if (entries.length <= MAX_ENTRIES) return;
  const dated = entries.map((n) => {
    try {
      return { n, t: statSync(join(dir, n)).mtimeMs };
    } catch {
      return { n, t: 0 };
    }
  });
  dated.sort((a, b) => b.t - a.t);
  for (const { n } of dated.slice(MAX_ENTRIES)) {
    try {
      unlinkSync(join(dir, n));
    } catch {
      // removed by another run
    }
  }
}
