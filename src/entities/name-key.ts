/**
 * Matching keys for names written in several romanisations: "Al-Baghdadi", "al Baghdadi" and
 * "Al Baghdadi" give one key, and so do "Da'esh", "Da’esh" and "Daesh", "Shabaab" and "Shabab".
 */
import { detached } from '../text/detached.js';
import { TextMemo } from '../text/text-memo.js';

const APOSTROPHES = /['’‘`ʿʾ´]/g;
const JOINERS = /[-‐‑‒–—_/]/g;
const DOUBLED = /(\p{L})\1+/gu;
// Unicode-property patterns are module constants: tsx (esbuild) rewrites such a literal as `new RegExp`,
// which written inside a function builds a regular expression object at every call.
const MARKS = /\p{M}/gu;
// The Arabic article is written "al-", "Al ", "el-" or left out ("Abu Bakr Baghdadi"): keys drop it.
const ARABIC_ARTICLE = /(?:^|\s)(?:al|el|ad|ash|as|az|ar|at)\s/g;

// Names and words repeat across a batch of articles: a bounded memo saves the Unicode normalisation.
const memo = new TextMemo<string>(100_000);

/** Case-, diacritic-, apostrophe-, dot-, hyphen- and doubled-letter-insensitive key of a name. */
export function nameKey(name: string): string {
  let key = memo.get(name);
  if (key === undefined) {
    // The key may be the name itself (nothing to fold), a slice of the article like the name.
    key = detached(computeNameKey(name));
    memo.set(name, key);
  }
  return key;
}

function computeNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/\./g, '')
    .replace(JOINERS, ' ')
    .replace(DOUBLED, '$1')
    .replace(ARABIC_ARTICLE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const ACRONYM = /^[A-Z][A-Z0-9.&-]*$/;

/**
 * Short all-caps names ("IS", "SDF", "U.S.") are matched case-sensitively: their lower-case forms are
 * ordinary words ("is", "us"). Returns the key without dots, or null for a name that is not one.
 */
export function acronymKey(name: string): string | null {
  // Most capitalised words go on in lower case ("Syria"): answered before the pattern.
  const second = name.charCodeAt(1);
  if (second >= 97 && second <= 122) return null;
  if (!ACRONYM.test(name)) return null;
  const bare = name.replace(/\./g, '');
  const letters = bare.replace(/[^A-Z]/g, '').length;
  return letters >= 1 && letters <= 5 ? bare : null;
}

/** Strips what news glues to a name but is not part of it: possessive "’s", a leading "the". */
export function bareName(surface: string): string {
  return surface
    .replace(/[’']s$/u, '')
    .replace(/[’']$/u, '')
    .replace(/^the\s+/i, '')
    .trim();
}
