/**
 * The token view the recognisers share: per-token keys and shape flags, and the segments (sentences,
 * or lines outside sentences such as subheads) that no entity may cross.
 */
import type { Doc, EntitySpan, EntityType, Token } from '../model/types.js';
import { tokenKey } from './phrase-matcher.js';

export interface TokenView {
  text: string;
  tokens: Token[];
  /** tokenKey() of each token. */
  keys: string[];
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

/** Segment starts: every sentence start, and a new line wherever no sentence says otherwise. */
function segmentIndexes(doc: Doc): number[] {
  const sentenceStarts = new Set(doc.sentences.map((s) => s.start));
  const segment: number[] = [];
  let current = -1;
  let previousEnd = -1;
  const hasSentences = sentenceStarts.size > 0;
  for (const token of doc.tokens) {
    const newLine = previousEnd < 0 || lineBreakBetween(doc.text, previousEnd, token.start);
    if (newLine || (hasSentences && sentenceStartedBetween(sentenceStarts, previousEnd, token.start))) current++;
    segment.push(current);
    previousEnd = token.end;
  }
  return segment;
}

function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

function sentenceStartedBetween(starts: Set<number>, from: number, to: number): boolean {
  // Sentence starts sit on the first character of a token; the gap is whitespace, so short.
  for (let offset = Math.max(from, 0); offset <= to; offset++) if (starts.has(offset)) return true;
  return false;
}

export function buildTokenView(doc: Doc): TokenView {
  const tokens = doc.tokens;
  const n = tokens.length;
  const keys = new Array<string>(n);
  const lower = new Array<string>(n);
  const cap = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    keys[i] = tokenKey(t.text);
    lower[i] = t.text.toLowerCase();
    cap[i] = t.kind === 'word' && CAPITAL.test(t.text);
  }
  const segment = segmentIndexes(doc);
  const segmentEnd = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) segmentEnd[i] = i + 1 < n && segment[i + 1] === segment[i] ? segmentEnd[i + 1] : i;
  const initial = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++) {
    if (tokens[i].kind !== 'word') continue;
    let j = i - 1;
    while (j >= 0 && segment[j] === segment[i] && OPENERS.has(tokens[j].text)) j--;
    initial[i] = j < 0 || segment[j] !== segment[i] || j < i - 1;
  }
  const shouting = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; ) {
    const end = segmentEnd[i];
    let words = 0;
    let capsWords = 0;
    for (let k = i; k <= end; k++) {
      if (tokens[k].kind !== 'word' || tokens[k].text.length < 2) continue;
      words++;
      if (cap[k] && !LOWER_CASE.test(tokens[k].text)) capsWords++;
    }
    // Three capitalised words in a row can be a long acronym-laden sentence; a line mostly in
    // capitals is a headline or subhead.
    const isShouting = words >= 2 && capsWords / words >= 0.6;
    for (let k = i; k <= end; k++) shouting[k] = isShouting;
    i = end + 1;
  }
  return { text: doc.text, tokens, keys, lower, cap, initial, shouting, segment, segmentEnd };
}

/** An entity over tokens first..last (inclusive). */
export function tokenSpan(view: TokenView, first: number, last: number, type: EntityType): EntitySpan {
  const start = view.tokens[first].start;
  const end = view.tokens[last].end;
  return { start, end, text: view.text.slice(start, end), type };
}
