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
import type { EntryColumns, IndexTables, NameTable } from './gazetteer-index.js';
import { sitrepHome } from './user-data.js';

const here = dirname(fileURLToPath(import.meta.url));
/** Code whose change alters the index: its content is part of the fingerprint. */
const BUILD_CODE = ['fold.ts', 'gazetteer-build.ts', 'place-record.ts', 'sources/bundled.ts', 'sources/geonames-format.ts', 'sources/supplement.ts'];

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

// Name tables are stored as text, "key<TAB>postings" a line with postings in base 36: parsing that is
// several times faster than JSON arrays of arrays.
function encodeTable(table: NameTable): string {
  const lines: string[] = [];
  for (const [key, postings] of table) {
    const text =
      typeof postings === 'string' ? postings : typeof postings === 'number' ? postings.toString(36) : postings.map((p) => p.toString(36)).join(',');
    lines.push(`${key}\t${text}`);
  }
  return lines.join('\n');
}

function decodeTable(text: string): NameTable {
  const table: NameTable = new Map();
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const tab = text.indexOf('\t', pos);
    // Postings stay text until looked up (decodePostings).
    table.set(text.slice(pos, tab), text.slice(tab + 1, nl));
    pos = nl + 1;
  }
  return table;
}

const SEP = '\n\u0000\n';

export function readCachedTables(variant: string, print: string): IndexTables | undefined {
  for (const dir of cacheDirs()) {
    const file = join(dir, `index-${variant}-${print}.txt`);
    if (!existsSync(file)) continue;
    try {
      const [columnsText, strict, article, skeleton] = readFileSync(file, 'utf8').split(SEP);
      const columns = JSON.parse(columnsText!) as EntryColumns;
      // A cache written by an older layout (no admin2 column) or cut short: rebuild.
      if (!Array.isArray(columns.admin2) || columns.admin2.length !== columns.name.length || skeleton === undefined) continue;
      return {
        columns,
        strict: decodeTable(strict!),
        article: decodeTable(article!),
        skeleton: decodeTable(skeleton!),
      };
    } catch {
      // A truncated or foreign file: rebuild rather than fail.
    }
  }
  return undefined;
}

/** Writes the cache to the first writable folder and removes stale versions; failure only costs speed. */
export function writeCachedTables(variant: string, print: string, tables: IndexTables): void {
  const body = [JSON.stringify(tables.columns), encodeTable(tables.strict), encodeTable(tables.article), encodeTable(tables.skeleton)].join(SEP);
  for (const dir of cacheDirs()) {
    try {
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `index-${variant}-${print}.txt`);
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
      for (const old of readdirSync(dir)) {
        if (old.startsWith(`index-${variant}-`) && old !== `index-${variant}-${print}.txt` && !old.endsWith('.tmp')) rmSync(join(dir, old), { force: true });
      }
      return;
    } catch {
      continue;
    }
  }
}
