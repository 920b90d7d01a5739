import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, wherever sitrep is installed or run from (data/ lives there). */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function dataPath(relative: string): string {
  return resolve(packageRoot, relative);
}

/** Reads a one-entry-a-line lexicon from data/, skipping blank lines and `#` comments. */
export function readLexiconLines(relative: string): string[] {
  return readFileSync(dataPath(relative), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}
