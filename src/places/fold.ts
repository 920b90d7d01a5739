/**
 * Name keys for transliteration-aware matching. Place names reach English news through many
 * romanisations ("Deir ez-Zor", "Deir al-Zour", "Dayr az Zawr"), so the gazetteer indexes every name
 * under up to three keys of rising looseness, and a lookup tries them in that order:
 *   strictKey     diacritics, case and punctuation folded:     "Deir ez-Zor" -> "deir ez zor"
 *   articleKey    the Arabic article dropped as well:            -> "deir zor"
 *   skeletonKey   romanisation variants collapsed (vowels, q/k, kh/h, doubled letters): -> "drzr"
 * The skeleton is only indexed for places in countries whose names are commonly romanised from
 * Arabic or Persian script (see data/gazetteer/transliterated-countries.txt), because it would make
 * English names collide ("Hama"/"Home").
 */

/** Letters NFKD does not decompose into a base letter plus marks. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd',
  ð: 'd', þ: 'th', ħ: 'h', ı: 'i', ŀ: 'l',
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g');
// Ayn/hamza marks and apostrophes vanish ("Ma'arat", "‘Ayn") rather than splitting a word.
const APOSTROPHES_RE = /['’‘`ʿʾʼ´]/g;
const COMBINING_RE = /[\u0300-\u036f]/g;
const NON_ALNUM_RE = /[^a-z0-9]+/g;

/** The Arabic definite article in its assimilated romanisations (al-, el-, ar-, as-, ash-, ...). */
const ARABIC_ARTICLES = new Set([
  'al', 'el', 'ul', 'il', 'ar', 'er', 'as', 'es', 'ash', 'esh', 'ad', 'ed', 'az', 'ez', 'at', 'et',
  'an', 'en', 'ath', 'adh', 'ag', 'ak', 'ad', 'ah', 'aj',
]);
// "as-Suwayda", "ad-Dana": an article glued to the next word by a hyphen is unambiguous, but the bare
// tokens "as", "an", "at", "en" are English or French words, so they count as articles only when
// they came hyphenated or are "al"/"el".
const ALWAYS_ARTICLES = new Set(['al', 'el']);

/** Diacritics, case, apostrophes and punctuation folded; words separated by single spaces. */
export function strictKey(name: string): string {
  return asciiStrictKey(name) ?? foldedStrictKey(name);
}

function foldedStrictKey(name: string): string {
  return name
    .replace(SPECIAL_RE, (c) => SPECIAL_LETTERS[c] ?? c)
    .normalize('NFKD')
    .replace(COMBINING_RE, '')
    .replace(APOSTROPHES_RE, '')
    .toLowerCase()
    .replace(NON_ALNUM_RE, ' ')
    .trim();
}

/**
 * strictKey of a name in plain ASCII in one pass, or null for any other character: most names in
 * English news are ASCII, and for them the Unicode folds above do nothing but cost (on the dev news,
 * where few names repeat, strictKey was 4% of the pipeline). Same result: letters lower-cased, "'" and
 * "`" dropped, every other run of non-alphanumerics one space, none at either end.
 */
function asciiStrictKey(name: string): string | null {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c >= 128) return null;
    if (c === 39 || c === 96) continue;
    if (c >= 65 && c <= 90) c += 32;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    out += String.fromCharCode(c);
  }
  return out;
}

/** Module constant (matchAll works on a copy): tsx makes a property-escape literal inside a function a new RegExp per call. */
const SHORT_HYPHENED_PREFIX_RE = /(?:^|[\s(])([A-Za-z]{1,3})[-‐‑](?=\p{L})/gu;

/**
 * strictKey without Arabic articles: "Al-Hol" -> "hol", "Deir ez-Zor" -> "deir zor". A name that is
 * nothing but an article and one word keeps its word; a lone article is kept as it is.
 */
export function articleKey(name: string): string {
  return articleKeyOf(name, strictKey(name));
}

/** articleKey given the name's strictKey (a caller that has it already saves folding the name again). */
export function articleKeyOf(name: string, strict: string): string {
  const words = strict.split(' ');
  // Most names hold no article word at all, and keep their strict key as it is.
  if (words.length < 2 || !words.some((w) => ARABIC_ARTICLES.has(w))) return strict;
  const hyphenated = new Set<string>();
  for (const m of name.matchAll(SHORT_HYPHENED_PREFIX_RE)) hyphenated.add(m[1]!.toLowerCase());
  if (words.length < 2) return words.join(' ');
  const kept = words.filter(
    (w, i) => i === words.length - 1 || !ARABIC_ARTICLES.has(w) || !(ALWAYS_ARTICLES.has(w) || hyphenated.has(w)),
  );
  return kept.join(' ');
}

/** True when the name starts with or contains an Arabic article ("Al-Hol", "Deir ez-Zor"). */
export function hasArabicArticle(name: string): boolean {
  const strict = strictKey(name);
  return articleKeyOf(name, strict) !== strict;
}

const DIGRAPHS: Array<[RegExp, string]> = [
  [/kh/g, 'h'], [/gh/g, 'g'], [/dh/g, 'd'], [/th/g, 't'], [/sh/g, 's'], [/ch/g, 's'], [/ph/g, 'f'],
  [/dj/g, 'j'], [/q/g, 'k'], [/ck/g, 'k'], [/c/g, 'k'], [/x/g, 'ks'],
];
const DIGRAPH_LETTERS = /[hjqcx]/;

/**
 * Consonant skeleton of an article-free key: romanisations of one Arabic name differ mostly in vowels,
 * semivowels and a few consonant spellings, which this collapses ("Suwayda" = "Sweida" = "sd").
 * A word-initial vowel becomes "a" so "Ain"/"Ayn"/"Ein" agree.
 */
export function skeletonKey(name: string): string {
  return skeletonKeyOf(strictKey(name));
}

/** skeletonKey given the name's strictKey. */
export function skeletonKeyOf(strict: string): string {
  let out = '';
  const words = strict.split(' ');
  // Looser than articleKey: only ever indexed for Arabic-script countries, so "az" in "Dayr az Zawr"
  // is an article even without its hyphen.
  for (let [i, word] of words.entries()) {
    if (!word || (i < words.length - 1 && ARABIC_ARTICLES.has(word))) continue;
    // Every spelling DIGRAPHS rewrites holds one of these letters; most words hold none.
    if (DIGRAPH_LETTERS.test(word)) for (const [re, to] of DIGRAPHS) word = word.replace(re, to);
    const initialVowel = /^[aeiouy]/.test(word);
    let body = word.replace(/h$/, '').replace(/[aeiouyw]/g, '');
    body = body.replace(/(.)\1+/g, '$1');
    out += (initialVowel ? 'a' : '') + body;
  }
  return out;
}
