/**
 * Word tokens of a sentence with offsets, the unit every pattern in data/events/ is matched against.
 * Events need their own light tokenisation (lower-cased words, hyphens split so "cease-fire" and
 * "cease fire" read alike, "7,000" kept whole) rather than wink's tokens, which the entity stage owns
 * and which may be absent when a text is coded on its own (the CASE 2021 evaluation).
 */
import { charFlags, LETTER, MARK } from '../text/char-class.js';
import { detached } from '../text/detached.js';

export interface Word {
  /** Lower-cased text. */
  lower: string;
  /** Text as written. */
  text: string;
  /**
   * The same number for the same text within one vocabulary generation (see `vocabularyGeneration`):
   * lexicon lookups that depend only on a word's text are remembered by it, in arrays.
   */
  id: number;
  start: number;
  end: number;
}

/** Bound on the vocabulary: a long-running server sees an open one; past this it starts afresh. */
export const VOCABULARY_LIMIT = 200_000;
/** Text, lower-cased text and character hash of each word id. */
const texts: string[] = [];
const lowers: string[] = [];
const hashes: number[] = [];
/**
 * Word ids by hash of their characters (open addressing): slot i holds an id at 2i (-1 empty) and
 * that word's hash at 2i + 1, so a probe compares hashes without reaching into `hashes`. A word
 * already seen is found from the characters of the text it is read in, without cutting it out as a
 * string of its own: cutting and hashing every word was the dearest step of tokenising.
 */
let slots = new Int32Array(2 << 14).fill(-1);
let generation = 0;

/** Changes when word ids are reassigned: memos keyed by id must be dropped then. */
export function vocabularyGeneration(): number {
  return generation;
}

/** 1 a letter, 2 a combining mark, 0 anything else (ASCII answered without a lookup). */
function charClass(cp: number): 0 | 1 | 2 {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) ? 1 : 0;
  const flags = charFlags(cp);
  return flags & LETTER ? 1 : flags & MARK ? 2 : 0;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** Whether the last word `wordEnd` read holds an apostrophe ("didn't", "Turkey's", "o'clock"). */
let lastHadApostrophe = false;

/**
 * End of the word starting at `i`, or -1 when none starts there. Reads what the pattern
 * `\d+(?:[.,]\d+)*|[\p{L}\p{M}]+(?:['’]\p{L}+)*` would match, with a hand-written scanner: the
 * Unicode-property regular expression cost a fifth of the stage. ASCII letters, most of any news
 * text, are answered from the code unit without a code point or class lookup.
 */
function wordEnd(text: string, i: number, limit: number): number {
  lastHadApostrophe = false;
  const code = text.charCodeAt(i);
  if (isDigit(code)) {
    let j = i + 1;
    while (j < limit) {
      const c = text.charCodeAt(j);
      if (isDigit(c)) j++;
      else if ((c === 46 || c === 44) && j + 1 < limit && isDigit(text.charCodeAt(j + 1))) j += 2;
      else break;
    }
    return j;
  }
  if (code < 128 ? !isAsciiLetter(code) : charClass(codePointBefore(text, i, limit)) === 0) return -1;
  let j = lettersEnd(text, i, limit, false);
  // then apostrophe + letters, any number of times ("o'clock", "Shi’ite")
  while (j + 1 < limit && isApostrophe(text.charCodeAt(j))) {
    if (charClass(codePointBefore(text, j + 1, limit)) !== 1) break;
    lastHadApostrophe = true;
    j = lettersEnd(text, j + 1, limit, true);
  }
  return j;
}

/**
 * The code point at i, reading no further than `limit` (a surrogate pair cut by the limit is its
 * first half alone, as in the text cut there).
 */
function codePointBefore(text: string, i: number, limit: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < limit ? text.codePointAt(i)! : c;
}

/** End of the run of letters (and, unless `lettersOnly`, combining marks) from `j`. */
function lettersEnd(text: string, j: number, limit: number, lettersOnly: boolean): number {
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (c < 128) {
      if (!isAsciiLetter(c)) break;
      j++;
      continue;
    }
    const cp = codePointBefore(text, j, limit);
    const cls = charClass(cp);
    if (cls === 0 || (lettersOnly && cls !== 1)) break;
    j += cp > 0xffff ? 2 : 1;
  }
  return j;
}

/** Words of `text`, with offsets shifted by `offset` (the sentence's start in the article). */
export function tokenizeWords(text: string, offset = 0): Word[] {
  return wordsIn(text, 0, text.length, offset);
}

/**
 * Words of text[from, to) with offsets into `text`: the same words as tokenizeWords(text.slice(from,
 * to), from), read from the article's text itself. Reading characters of a sliced string costs the
 * engine an indirection each, about a fifth of tokenising.
 */
export function tokenizeWordsIn(text: string, from: number, to: number): Word[] {
  return wordsIn(text, from, to, 0);
}

/** Words of text[from, limit), each at `shift` + its index in `text`. */
function wordsIn(text: string, from: number, limit: number, shift: number): Word[] {
  const words: Word[] = [];
  let i = from;
  while (i < limit) {
    const code = text.charCodeAt(i);
    // blanks and punctuation start no word: step over them without a call
    if (code < 128 && !isAsciiLetter(code) && !isDigit(code)) {
      i++;
      continue;
    }
    // A run of ASCII letters ended by ASCII that is no apostrophe is a whole word (most words):
    // read and hashed in one pass. Anything else takes the general reader below.
    if (code < 128 && isAsciiLetter(code)) {
      let h = FNV_OFFSET;
      let j = i;
      let c = code;
      do {
        h = Math.imul(h ^ c, FNV_PRIME);
        c = ++j < limit ? text.charCodeAt(j) : 32;
      } while (isAsciiLetter(c));
      if (c < 128 && c !== 39) {
        words.push(wordAtHashed(text, i, j, shift + i, h >>> 0));
        i = j;
        continue;
      }
    }
    const end = wordEnd(text, i, limit);
    if (end < 0) {
      i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      continue;
    }
    // only a word with an apostrophe can be "didn't" or "Turkey's"
    if (lastHadApostrophe) {
      const raw = text.slice(i, end);
      // "didn't" is two words for negation: the verb and "n't".
      const nt = /n['’]t$/i.exec(raw);
      if (nt && raw.length > 3) {
        const cut = raw.length - 3;
        words.push(word(raw.slice(0, cut), shift + i));
        words.push(word("n't", shift + i + cut));
        i = end;
        continue;
      }
      // Possessives read as the noun ("Turkey's" -> "turkey").
      words.push(word(raw.replace(/['’]s$/i, ''), shift + i));
    } else words.push(wordAt(text, i, end, shift + i));
    i = end;
  }
  return words;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units of text[from, to). */
function hashOf(text: string, from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let k = from; k < to; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
  return h >>> 0;
}

function sameText(known: string, text: string, from: number, to: number): boolean {
  if (known.length !== to - from) return false;
  for (let k = 0; k < known.length; k++) if (known.charCodeAt(k) !== text.charCodeAt(from + k)) return false;
  return true;
}

function addSlot(id: number): void {
  const mask = (slots.length >> 1) - 1;
  let i = hashes[id] & mask;
  while (slots[2 * i] >= 0) i = (i + 1) & mask;
  slots[2 * i] = id;
  slots[2 * i + 1] = hashes[id];
}

/** The id of the word text[from, to) whose hashOf() is `hash`, given one if new. */
function wordId(text: string, from: number, to: number, hash: number): number {
  const mask = (slots.length >> 1) - 1;
  for (let i = hash & mask; ; i = (i + 1) & mask) {
    const id = slots[2 * i];
    if (id < 0) break;
    if (slots[2 * i + 1] === (hash | 0) && sameText(texts[id], text, from, to)) return id;
  }
  if (texts.length >= VOCABULARY_LIMIT) {
    texts.length = lowers.length = hashes.length = 0;
    slots.fill(-1);
    generation++;
  }
  const id = texts.length;
  const written = detached(text.slice(from, to));
  texts.push(written);
  lowers.push(detached(written.toLowerCase()));
  hashes.push(hash);
  // kept at most half full, so a probe for a word not seen ends soon
  if (texts.length * 2 > slots.length >> 1) {
    slots = new Int32Array(slots.length * 2).fill(-1);
    for (let k = 0; k < texts.length; k++) addSlot(k);
  } else addSlot(id);
  return id;
}

/** The word text[from, to), at `start` in the article. */
function wordAt(text: string, from: number, to: number, start: number): Word {
  return wordAtHashed(text, from, to, start, hashOf(text, from, to));
}

/** wordAt() when the caller has hashed the characters already. */
function wordAtHashed(text: string, from: number, to: number, start: number, hash: number): Word {
  const id = wordId(text, from, to, hash);
  return { text: texts[id], lower: lowers[id], id, start, end: start + (to - from) };
}

function word(text: string, start: number): Word {
  return wordAt(text, 0, text.length, start);
}

/** Whether the text between two words holds a clause boundary (comma, semicolon, colon, dash). */
export function clauseBreakBetween(text: string, offset: number, from: number, to: number): boolean {
  return /[,;:—–()]/.test(text.slice(from - offset, to - offset));
}
