/**
 * The token view the recognisers share: per-token keys and shape flags, and the segments (sentences,
 * or lines outside sentences such as subheads) that no entity may cross.
 */
import type { Doc, EntitySpan, EntityType, Token } from '../model/types.js';
import { tokenKey } from './phrase-matcher.js';
import { tokenLexemes, type TokenLexemes } from '../text/tokens.js';

export interface TokenView {
  text: string;
  tokens: Token[];
  /** tokenKey() of each token. */
  keys: string[];
  /** keyHash() of each key (the anchors' first-word filter reads it). */
  keyHashes: number[];
  /** Lower-cased token text. */
  lower: string[];
  /** Starts with a capital letter (a word, not punctuation). */
  cap: boolean[];
  /** First word of its segment or after an opening quote/colon: capitalised by position only. */
  initial: boolean[];
  /** Inside a line written in capitals (headline, subhead, dateline): case says nothing there. */
  shouting: boolean[];
  /** Segment index of each token. */
  segment: number[];
  /** Index of the last token of each token's segment. */
  segmentEnd: number[];
}

const CAPITAL = /^\p{Lu}/u;
const LOWER_CASE = /\p{Ll}/u;
const OPENERS = new Set(['“', '"', '‘', "'", ':', '(', '[', '—', '–', '-', '•', '*']);

function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/**
 * tokenKey() of a lower-cased token made only of ASCII letters and digits (most tokens), computed
 * without the memo: nameKey() of such a word only collapses doubled letters ("Hassib" -> "hasib").
 * null for any other token.
 */
function plainWordKey(lower: string): string | null {
  let key: string | null = null;
  let previous = -1;
  for (let k = 0; k < lower.length; k++) {
    const code = lower.charCodeAt(k);
    const letter = code >= 97 && code <= 122;
    if (!letter && !(code >= 48 && code <= 57)) return null;
    if (letter && code === previous) {
      key ??= lower.slice(0, k);
      continue;
    }
    if (key !== null) key += lower[k];
    previous = code;
  }
  key ??= lower;
  return key === 'al' || key === 'el' ? '' : key;
}

/** Holds a lower-case letter: ASCII answered by the codes, anything else by the Unicode class. */
function hasLowerCase(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code >= 97 && code <= 122) return true;
    if (code >= 128) return LOWER_CASE.test(text);
  }
  return false;
}

/** Starts with a capital letter: ASCII answered by the code, anything else by the Unicode class. */
function startsCapitalised(text: string): boolean {
  const code = text.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return CAPITAL.test(text);
}

/** FNV-1a hash of a key, cut to 30 bits (a small integer the engine stores without boxing). */
export function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), 0x01000193);
  return h & 0x3fffffff;
}

/** What depends only on a token's text, worked out once per distinct text. */
interface TokenWord {
  lower: string;
  key: string;
  keyHash: number;
  /** Starts with a capital letter. */
  capitalised: boolean;
  /** Holds no lower-case letter. */
  noLowerCase: boolean;
}

/**
 * Token texts repeat across articles: each is looked up once here instead of lower-cased and keyed
 * again, and every article's `lower` and `keys` are then the same string objects, whose hashes the
 * engine has already computed, so the many lexicon lookups on them skip hashing (bounded memo).
 */
const tokenWords = new Map<string, TokenWord>();
const TOKEN_WORDS_SIZE = 100_000;

function tokenWord(text: string): TokenWord {
  let word = tokenWords.get(text);
  if (word === undefined) {
    const lower = text.toLowerCase();
    const key = plainWordKey(lower) ?? tokenKey(text);
    word = { lower, key, keyHash: keyHash(key), capitalised: startsCapitalised(text), noLowerCase: !hasLowerCase(text) };
    if (tokenWords.size >= TOKEN_WORDS_SIZE) tokenWords.clear();
    tokenWords.set(text, word);
  }
  return word;
}

/**
 * The same words by wink lexeme number (see tokenLexemes), for tokens the tokens stage made: an array
 * read instead of a string-keyed map probed for every token. Kept packed (grown with `undefined`);
 * bounded by wink's lexicon, and dropped when wink renumbers (a new instance).
 */
let wordsByLexeme: (TokenWord | undefined)[] = [];
let wordsGeneration = -1;

function lexemeWords(lexemes: TokenLexemes): (TokenWord | undefined)[] {
  if (lexemes.generation !== wordsGeneration) {
    wordsByLexeme = [];
    wordsGeneration = lexemes.generation;
  }
  let top = 0;
  const ids = lexemes.ids;
  for (let i = 0; i < ids.length; i++) if (ids[i] > top) top = ids[i];
  if (top >= wordsByLexeme.length) {
    const size = Math.max(top + 1, wordsByLexeme.length * 2, 1024);
    while (wordsByLexeme.length < size) wordsByLexeme.push(undefined);
  }
  return wordsByLexeme;
}

/** The starts of spans, ascending (the sentence layer is in order already: then no sort). */
function sortedStarts(spans: readonly { start: number }[]): number[] {
  const starts: number[] = [];
  let ordered = true;
  for (let k = 0; k < spans.length; k++) {
    const start = spans[k].start;
    if (k > 0 && start < starts[k - 1]) ordered = false;
    starts.push(start);
  }
  if (!ordered) starts.sort((a, b) => a - b);
  return starts;
}

/**
 * One pass over the tokens for what each token needs from the ones before it (keys, segment, whether
 * it opens its segment, the counts that say whether its segment is in capitals), then one back for
 * segment ends: each pass over an article's tokens reads them from memory again.
 */
export function buildTokenView(doc: Doc): TokenView {
  const tokens = doc.tokens;
  const text = doc.text;
  const n = tokens.length;
  const keys = new Array<string>(n);
  // plain arrays: a typed array this size would take a buffer outside the heap for each article
  const keyHashes = new Array<number>(n);
  const lower = new Array<string>(n);
  const cap = new Array<boolean>(n);
  const segment = new Array<number>(n);
  const initial = new Array<boolean>(n);
  // per segment: words of two letters or more, and those of them in capitals
  const segmentWords: number[] = [];
  const segmentCapsWords: number[] = [];
  // Segment starts: every sentence start, and a new line wherever no sentence says otherwise.
  // Sentence starts sit on the first character of a token, so one cursor walks them with the tokens.
  const sentenceStarts = sortedStarts(doc.sentences);
  let current = -1;
  let previousEnd = -1;
  let next = 0;
  const lexemes = tokenLexemes(tokens);
  const ids = lexemes && lexemes.ids.length === n ? lexemes.ids : null;
  const byLexeme = ids ? lexemeWords(lexemes!) : null;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    let word: TokenWord;
    if (byLexeme) {
      const known = byLexeme[ids![i]];
      word = known === undefined ? (byLexeme[ids![i]] = tokenWord(t.text)) : known;
    } else word = tokenWord(t.text);
    lower[i] = word.lower;
    keys[i] = word.key;
    keyHashes[i] = word.keyHash;
    const isWord = t.kind === 'word';
    cap[i] = isWord && word.capitalised;

    const from = Math.max(previousEnd, 0);
    while (next < sentenceStarts.length && sentenceStarts[next] < from) next++;
    const sentenceStarted = next < sentenceStarts.length && sentenceStarts[next] <= t.start;
    const newLine = previousEnd < 0 || lineBreakBetween(text, previousEnd, t.start);
    if (newLine || sentenceStarted) {
      current++;
      segmentWords.push(0);
      segmentCapsWords.push(0);
    }
    segment[i] = current;
    previousEnd = t.end;

    if (!isWord) {
      initial[i] = false;
      continue;
    }
    let j = i - 1;
    while (j >= 0 && segment[j] === current && tokens[j].text.length === 1 && OPENERS.has(tokens[j].text)) j--;
    initial[i] = j < 0 || segment[j] !== current || j < i - 1;
    if (t.text.length >= 2) {
      segmentWords[current]++;
      if (cap[i] && word.noLowerCase) segmentCapsWords[current]++;
    }
  }
  const segmentEnd = new Array<number>(n);
  const shouting = new Array<boolean>(n);
  for (let i = n - 1; i >= 0; i--) {
    segmentEnd[i] = i + 1 < n && segment[i + 1] === segment[i] ? segmentEnd[i + 1] : i;
    // Three capitalised words in a row can be a long acronym-laden sentence; a line mostly in
    // capitals is a headline or subhead.
    const words = segmentWords[segment[i]];
    shouting[i] = words >= 2 && segmentCapsWords[segment[i]] / words >= 0.6;
  }
  return { text, tokens, keys, keyHashes, lower, cap, initial, shouting, segment, segmentEnd };
}

/** An entity over tokens first..last (inclusive). */
export function tokenSpan(view: TokenView, first: number, last: number, type: EntityType): EntitySpan {
  const start = view.tokens[first].start;
  const end = view.tokens[last].end;
  return { start, end, text: view.text.slice(start, end), type };
}

/** Index of the token that starts at `offset`, or -1 (tokens are sorted and never overlap). */
export function tokenStartingAt(view: TokenView, offset: number): number {
  const tokens = view.tokens;
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = tokens[mid].start;
    if (start === offset) return mid;
    if (start < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Index of the token that ends at `offset`, or -1. */
export function tokenEndingAt(view: TokenView, offset: number): number {
  const tokens = view.tokens;
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const end = tokens[mid].end;
    if (end === offset) return mid;
    if (end < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
