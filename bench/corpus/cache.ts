/**
 * Writes the generated corpus as JSONL files (one article a line, a few dozen lines a file, the way
 * scraped batches arrive) into bench/.cache (gitignored). A fingerprint of the vocabulary and the
 * generator decides whether a cached copy is still the corpus the options describe.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, VOCABULARY_PATH, type CorpusOptions } from './generate.js';

const CACHE_ROOT = fileURLToPath(new URL('../.cache', import.meta.url));
const GENERATOR_FILES = [VOCABULARY_PATH, fileURLToPath(new URL('./generate.ts', import.meta.url))];

export interface CorpusFiles {
  dir: string;
  files: string[];
  articles: number;
}

function fingerprint(options: CorpusOptions, perFile: number): string {
  const hash = createHash('sha256').update(JSON.stringify({ ...options, perFile }));
  for (const file of GENERATOR_FILES) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

export function ensureCorpusFiles(options: CorpusOptions, perFile = 20): CorpusFiles {
  const dir = join(CACHE_ROOT, `corpus-seed${options.seed}-n${options.articles}`);
  const stamp = join(dir, 'FINGERPRINT');
  const expected = fingerprint(options, perFile);
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== expected) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const articles = generateCorpus(options);
    for (let i = 0; i * perFile < articles.length; i++) {
      const lines = articles.slice(i * perFile, (i + 1) * perFile).map((a) => JSON.stringify(a) + '\n');
      writeFileSync(join(dir, `batch-${String(i).padStart(5, '0')}.jsonl`), lines.join(''));
    }
    writeFileSync(stamp, expected);
  }
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => join(dir, name));
  return { dir, files, articles: options.articles };
}
