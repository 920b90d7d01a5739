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

/**
 * Calls `visit(start, end, joined, plain)` for every word of `text`, in order; `joined` says the word
 * holds an apostrophe or hyphen (a word without one needs no possessive or modifier handling),
 * `plain` that it is only lowercase ASCII letters and digits.
 */
export function scanWords(text: string, visit: (start: number, end: number, joined: boolean, plain: boolean) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (!(charFlags(cp) & STARTS)) {
      i += width;
      continue;
    }
    const start = i;
    // Dotted initials first, as the regex tries them first: two or more "capital, period".
    let j = i;
    let initials = 0;
    let joined = false;
    let plain = false;
    while (j < n) {
      const c = text.codePointAt(j)!;
      const w = c > 0xffff ? 2 : 1;
      if (!(charFlags(c) & UPPER) || text.charCodeAt(j + w) !== 0x2e) break;
      j += w + 1;
      initials++;
    }
    if (initials < 2) {
      j = i + width;
      plain = isPlain(cp);
      for (;;) {
        while (j < n) {
          const c = text.codePointAt(j)!;
          if (!(charFlags(c) & CONTINUES)) break;
          if (plain && !isPlain(c)) plain = false;
          j += c > 0xffff ? 2 : 1;
        }
        // A joiner continues the word only when a letter, mark or digit follows it.
        if (j + 1 < n && isJoiner(text.charCodeAt(j)) && charFlags(text.codePointAt(j + 1)!) & CONTINUES) {
          j += 1;
          joined = true;
          plain = false;
          continue;
        }
        break;
      }
    }
    visit(start, j, joined, plain);
    i = j;
  }
}
