/**
 * The words of a text as the toponym recogniser sees them, found by a hand-written scan that gives
 * exactly what this regex would, several times faster (it runs over every character of every
 * article, and a Unicode-class regex is the slowest part of recognition):
 *
 *   (?:\p{Lu}\.){2,} | [\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’‘\-‐][\p{L}\p{M}\p{N}]+)*
 *
 * Dotted initials ("U.S.") are one word; words joined by apostrophes and hyphens stay one word
 * ("Ma'arat", "ez-Zor", "Al-Hol"). Characters outside ASCII are classified by the same Unicode
 * classes through the shared table of src/text/char-class.ts.
 */
import { charFlags, LETTER, MARK, NUMBER, UPPERCASE } from '../text/char-class.js';

export const WORD_PATTERN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’‘\-‐][\p{L}\p{M}\p{N}]+)*/gu;

/** [\p{L}\p{N}]: may start a word. */
const STARTS = LETTER | NUMBER;
/** [\p{L}\p{M}\p{N}]: may continue one. */
const CONTINUES = LETTER | MARK | NUMBER;
/** \p{Lu}: may be a dotted initial. */
const UPPER = UPPERCASE;

/** Apostrophes and hyphens that join two parts of one word: ' ’ ‘ - ‐ */
function isJoiner(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2018 || code === 0x2d || code === 0x2010;
}

/** [a-z0-9]: a word made only of these is its own lowercase form. */
function isPlain(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** [a-z0-9], as a flag of the ASCII table below. */
const PLAIN = 32;

/** Flags of the ASCII characters (most characters of most texts): one table load per character. */
const ASCII = new Uint8Array(128);
for (let code = 0; code < 128; code++) ASCII[code] = charFlags(code) | (isPlain(code) ? PLAIN : 0);

/** charFlags of the code point at `i` (ASCII from the table). */
function flagsAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 128 ? ASCII[c]! : charFlags(text.codePointAt(i)!);
}

/**
 * Calls `visit(start, end, joined, plain)` for every word of `text`, in order; `joined` says the word
 * holds an apostrophe or hyphen (a word without one needs no possessive or modifier handling),
 * `plain` that it is only lowercase ASCII letters and digits.
 */
export function scanWords(text: string, visit: (start: number, end: number, joined: boolean, plain: boolean) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const first = text.charCodeAt(i);
    if (first < 128) {
      // Spaces and punctuation between words, skipped on the table alone.
      if (!(ASCII[first]! & STARTS)) {
        i++;
        continue;
      }
    } else {
      const cp = text.codePointAt(i)!;
      if (!(charFlags(cp) & STARTS)) {
        i += cp > 0xffff ? 2 : 1;
        continue;
      }
    }
    i = scanWord(text, i, visit);
  }
}

/** Reads the word starting at `start` (on a character that may start one), visits it, returns its end. */
function scanWord(text: string, start: number, visit: (start: number, end: number, joined: boolean, plain: boolean) => void): number {
  const n = text.length;
  // Dotted initials first, as the regex tries them first: two or more "capital, period".
  let j = start;
  let initials = 0;
  while (j < n) {
    const c = text.codePointAt(j)!;
    const w = c > 0xffff ? 2 : 1;
    if (!(charFlags(c) & UPPER) || text.charCodeAt(j + w) !== 0x2e) break;
    j += w + 1;
    initials++;
  }
  if (initials >= 2) {
    visit(start, j, false, false);
    return j;
  }
  const cp = text.codePointAt(start)!;
  j = start + (cp > 0xffff ? 2 : 1);
  let plain = isPlain(cp);
  let joined = false;
  for (;;) {
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c < 128) {
        const flags = ASCII[c]!;
        if (!(flags & CONTINUES)) break;
        if (!(flags & PLAIN)) plain = false;
        j++;
      } else {
        const point = text.codePointAt(j)!;
        if (!(charFlags(point) & CONTINUES)) break;
        plain = false;
        j += point > 0xffff ? 2 : 1;
      }
    }
    // A joiner continues the word only when a letter, mark or digit follows it.
    if (j + 1 < n && isJoiner(text.charCodeAt(j)) && flagsAt(text, j + 1) & CONTINUES) {
      j += 1;
      joined = true;
      plain = false;
      continue;
    }
    break;
  }
  visit(start, j, joined, plain);
  return j;
}
