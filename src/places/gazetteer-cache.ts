/**
 * The compiled gazetteer is cached on disk so a process loads it in a fraction of a second instead of
 * re-reading and re-folding 200,000 GeoNames rows. The cache file name carries a fingerprint of every
 * input (package versions, data files, imported files, the code that folds names), so any change
 * rebuilds it at the next first use and a clean checkout needs no build step.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { packageRoot } from '../model/data-files.js';
import { unpackIndex, type PackedIndex } from './gazetteer-packed.js';
import { sitrepHome } from './user-data.js';

const here = dirname(fileURLToPath(import.meta.url));
/** Code whose change alters the index: its content is part of the fingerprint. */
const BUILD_CODE = ['fold.ts', 'gazetteer-build.ts', 'gazetteer-packed.ts', 'place-record.ts', 'sources/bundled.ts', 'sources/geonames-format.ts', 'sources/supplement.ts'];

export function fingerprint(packages: Record<string, string>, inputFiles: string[]): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(packages));
  for (const file of inputFiles) {
    if (!existsSync(file)) {
      hash.update(`${file}:absent`);
      continue;
    }
    const st = statSync(file);
    hash.update(`${file}:${st.size}:${st.mtimeMs}`);
  }
  for (const rel of BUILD_CODE) {
    for (const ext of ['', '.js']) {
      const file = join(here, ext ? rel.replace(/\.ts$/, '.js') : rel);
      if (existsSync(file)) hash.update(readFileSync(file));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** SITREP_GAZETTEER_CACHE names one folder to use instead (read-only installs, isolated tests). */
function cacheDirs(): string[] {
  const override = process.env.SITREP_GAZETTEER_CACHE;
  if (override) return [override];
  return [join(packageRoot, '.cache', 'gazetteer'), join(sitrepHome(), 'cache', 'gazetteer')];
}

/** The cache file of one variant and fingerprint: the packed index, byte for byte. */
function cacheFile(dir: string, variant: string, print: string): string {
  return join(dir, `index-${variant}-${print}.bin`);
}

export function readCachedIndex(variant: string, print: string): PackedIndex | undefined {
  for (const dir of cacheDirs()) {
    const file = cacheFile(dir, variant, print);
    if (!existsSync(file)) continue;
    try {
      // A truncated or foreign file does not unpack: rebuild rather than fail.
      const packed = unpackIndex(readFileSync(file));
      if (packed) return packed;
    } catch {
      // Unreadable: rebuild.
    }
  }
  return undefined;
}

/**
 * Other versions of a variant kept beside the one just written. Two checkouts or installs that share a
 * cache folder (the one in the home folder, or a worktree linked to another's) have different
 * fingerprints: when each removed every version but its own, they rebuilt the index in turn at every
 * start (15-25 s and about 600 MB more each time).
 */
const OTHER_VERSIONS_KEPT = 2;

/** Removes the versions of a variant older than the newest OTHER_VERSIONS_KEPT besides `current`. */
function removeStaleVersions(dir: string, variant: string, current: string): void {
  const others = readdirSync(dir)
    .filter((name) => name.startsWith(`index-${variant}-`) && !name.endsWith('.tmp') && join(dir, name) !== current)
    .map((name) => ({ path: join(dir, name), mtime: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const stale of others.slice(OTHER_VERSIONS_KEPT)) rmSync(stale.path, { force: true });
}

/** Writes the cache to the first writable folder and removes stale versions; failure only costs speed. */
export function writeCachedIndex(variant: string, print: string, packed: PackedIndex): void {
  const body = packed.bytes;
  for (const dir of cacheDirs()) {
    try {
      mkdirSync(dir, { recursive: true });
      const file = cacheFile(dir, variant, print);
      // Write a private temporary file then rename it over the final name: rename is atomic on one
      // file system, so a process that builds at the same time, or reads meanwhile, sees either no
      // cache or a whole one, never half. The temporary name is unique per process and thread.
      const tmp = `${file}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`;
      try {
        writeFileSync(tmp, body);
        renameSync(tmp, file);
      } catch (error) {
        rmSync(tmp, { force: true });
        throw error;
      }
      removeStaleVersions(dir, variant, file);
      return;
    } catch {
      continue;
    }
  }
}
