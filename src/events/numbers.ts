/**
 * Reading a count at a word: digits ("7,000", "1.5 million"), number words ("six"), ACLED's vague
 * counts ("dozens" 12), ranges ("between 20 and 30", "20-30") and qualifiers ("more than", "around").
 * The quantities layer is preferred when it covers the number (see counts.ts); this reader keeps the
 * event coder whole when that layer is absent and applies ACLED's vague-count values either way.
 */
import type { Word } from './words.js';
import type { NumberLexicon } from './lexicons.js';

export interface NumberReading {
  value: number;
  min: number | null;
  max: number | null;
  qualifier: string | null;
  vague: boolean;
  /** Word index range [from, to) the reading covers, qualifier included. */
  from: number;
  to: number;
}

/** Phrases of a table as a word trie: a node per word, holding the phrase that ends there. */
interface PhraseNode {
  phrase: string | null;
  next: Map<string, PhraseNode> | null;
}

/** Longest phrase read, in words (phrases longer than this are never read). */
const MAX_PHRASE_WORDS = 3;

const trieByTable = new WeakMap<Map<string, unknown>, Map<string, PhraseNode>>();

function phraseTrie(table: Map<string, unknown>): Map<string, PhraseNode> {
  let trie = trieByTable.get(table);
  if (trie) return trie;
  trie = new Map();
  for (const phrase of table.keys()) {
    const parts = phrase.split(' ');
    if (parts.length > MAX_PHRASE_WORDS) continue;
    let level = trie;
    let node: PhraseNode | undefined;
    for (const part of parts) {
      node = level.get(part);
      if (!node) level.set(part, (node = { phrase: null, next: null }));
      level = node.next ??= new Map();
    }
    node!.phrase = phrase;
  }
  trieByTable.set(table, trie);
  return trie;
}

/**
 * The longest phrase (up to 3 words) starting at `i` that is in `table`. Read word by word down a
 * trie of the table's phrases: no phrase is built to be looked up, as most words start none.
 */
function phraseAt(words: Word[], i: number, table: Map<string, unknown>): string | null {
  let level: Map<string, PhraseNode> | null = phraseTrie(table);
  let found: string | null = null;
  for (let k = i; k < i + MAX_PHRASE_WORDS && k < words.length && level; k++) {
    const node = level.get(words[k].lower);
    if (!node) break;
    if (node.phrase !== null) found = node.phrase;
    level = node.next;
  }
  return found;
}

/** Words in a table phrase (one space between words, as the tables are built). */
function wordCount(phrase: string): number {
  let n = 1;
  for (let k = 0; k < phrase.length; k++) if (phrase.charCodeAt(k) === 32) n++;
  return n;
}

/** Values of digit words ("7,000" 7000, "1.5"), by lower-cased text: numbers repeat (bounded memo). */
const digitValues = new Map<string, number>();

function digitValue(lower: string): number {
  let value = digitValues.get(lower);
  if (value === undefined) {
    // "7,000" and "7.000" are thousands; "1.5" is a decimal before a scale word.
    const digits = /^\d{1,3}([.,]\d{3})+$/.test(lower) ? lower.replace(/[.,]/g, '') : lower.replace(',', '.');
    value = Number(digits);
    if (digitValues.size >= 50_000) digitValues.clear();
    digitValues.set(lower, value);
  }
  return value;
}

function plainNumberAt(words: Word[], i: number, lex: NumberLexicon): { value: number; vague: boolean; to: number } | null {
  const w = words[i];
  if (!w) return null;
  let value: number | null = null;
  let to = i + 1;
  let vague = false;
  const c = w.lower.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    value = digitValue(w.lower);
    if (!Number.isFinite(value)) return null;
  } else {
    const phrase = phraseAt(words, i, lex.values);
    if (!phrase) return null;
    const entry = lex.values.get(phrase)!;
    value = entry.value;
    vague = entry.vague;
    to = i + wordCount(phrase);
    // "twenty five"
    if (!vague && value >= 20 && value < 100 && words[to]) {
      const unit = lex.values.get(words[to].lower);
      if (unit && !unit.vague && unit.value < 10) {
        value += unit.value;
        to++;
      }
    }
  }
  // scale words: "1.5 million", "two thousand"
  const scale = words[to] && lex.scales.get(words[to].lower);
  if (scale) {
    value *= scale;
    to++;
  }
  // "dozens of", "hundreds of": the "of" belongs to the count
  if (vague && words[to]?.lower === 'of') to++;
  return { value: Math.round(value), vague, to };
}

const startWords = new WeakMap<NumberLexicon, Set<string>>();

/** First words a count can start with: number words, qualifiers ("more than"), "between". */
function countStarts(lex: NumberLexicon): Set<string> {
  let starts = startWords.get(lex);
  if (!starts) {
    starts = new Set(['between']);
    for (const phrase of [...lex.values.keys(), ...lex.qualifiers.keys()]) starts.add(phrase.split(' ')[0]);
    startWords.set(lex, starts);
  }
  return starts;
}

export function readNumberAt(words: Word[], i: number, lex: NumberLexicon): NumberReading | null {
  const w = words[i];
  // most words start no count: answer them before reading qualifiers and phrases
  if (!w || (!(w.lower.charCodeAt(0) >= 48 && w.lower.charCodeAt(0) <= 57) && !countStarts(lex).has(w.lower))) return null;
  let from = i;
  let qualifier: string | null = null;
  const q = phraseAt(words, i, lex.qualifiers);
  let at = i;
  if (q) {
    qualifier = q;
    at = i + wordCount(q);
  }
  // "between 20 and 30"
  if (words[at]?.lower === 'between') {
    const a = plainNumberAt(words, at + 1, lex);
    if (a && words[a.to]?.lower === 'and') {
      const b = plainNumberAt(words, a.to + 1, lex);
      if (b) return { value: a.value, min: a.value, max: b.value, qualifier: qualifier ?? 'between', vague: false, from, to: b.to };
    }
  }
  const first = plainNumberAt(words, at, lex);
  if (!first) return null;
  // "20 to 30", "20-30", "20 or 30"
  const link = words[first.to]?.lower;
  if ((link === 'to' || link === 'or') && /^\d/.test(words[at].lower)) {
    const second = plainNumberAt(words, first.to + 1, lex);
    if (second && second.value > first.value) {
      return { value: first.value, min: first.value, max: second.value, qualifier, vague: false, from, to: second.to };
    }
  }
  const next = words[first.to];
  if (next && /^\d/.test(next.lower) && next.start === words[first.to - 1].end + 1 && /^\d/.test(words[at].lower)) {
    const second = plainNumberAt(words, first.to, lex);
    if (second && second.value > first.value) {
      return { value: first.value, min: first.value, max: second.value, qualifier, vague: false, from, to: second.to };
    }
  }
  // a year is not a count
  if (!first.vague && /^(19|20)\d\d$/.test(words[at].lower) && !qualifier) return null;
  return { value: first.value, min: null, max: null, qualifier, vague: first.vague, from, to: first.to };
}
