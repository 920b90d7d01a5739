/**
 * Sentence boundaries, by rule: a full stop, question or exclamation mark (with any closing quotes)
 * followed by a space and a capital, a digit or an opening quote, unless the word before is a known
 * abbreviation or an initial. Paragraph breaks always end a sentence; subheads are not sentences.
 */
import type { Stage } from '../model/stage.js';
import type { Span } from '../model/types.js';
import { readLexiconLines } from '../model/data-files.js';

const abbreviations = new Set(readLexiconLines('data/text/abbreviations.txt'));

// Candidate boundary: terminal punctuation, optional closers, whitespace, then a sentence opener.
const BOUNDARY = /([.!?…]+)(["'”’»)\]]*)(\s+)(?=["'“‘«(\[]?[\p{Lu}\p{N}])/gu;
// Unicode-property patterns are module constants: tsx (esbuild) rewrites such a literal as `new RegExp`,
// which written inside a function builds a regular expression object at every call.
const LETTER_OR_DOT = /[\p{L}.]/u;
const SINGLE_CAPITAL = /^\p{Lu}$/u;
const DOTTED_INITIALS = /^(\p{L}\.)+\p{L}$/u;

function wordBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && LETTER_OR_DOT.test(text[start - 1])) start--;
  return text.slice(start, index);
}

function isAbbreviation(text: string, punctIndex: number, punct: string): boolean {
  if (punct !== '.') return false;
  const word = wordBefore(text, punctIndex);
  if (!word) return false;
  if (abbreviations.has(word)) return true;
  // A single capital ("Abu Bakr A. Smith") or dotted initials ("U.S.") before the dot.
  return SINGLE_CAPITAL.test(word) || DOTTED_INITIALS.test(word);
}

/** Sentences of one paragraph, as spans into the full text (offset = paragraph start). */
export function splitParagraph(text: string, offset: number, paragraphEnd: number): Span[] {
  const spans: Span[] = [];
  const paragraph = text.slice(offset, paragraphEnd);
  let sentenceStart = 0;
  BOUNDARY.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = BOUNDARY.exec(paragraph)) !== null) {
    if (isAbbreviation(paragraph, match.index, match[1])) continue;
    const end = match.index + match[1].length + match[2].length;
    if (end > sentenceStart) spans.push({ start: offset + sentenceStart, end: offset + end });
    sentenceStart = end + match[3].length;
  }
  const tail = paragraph.slice(sentenceStart).trimEnd();
  if (tail) spans.push({ start: offset + sentenceStart, end: offset + sentenceStart + tail.length });
  return spans;
}

/**
 * No real sentence is this long; a run of text without sentence punctuation (a scraped table, a
 * hostile input) is cut into pieces at spaces so that per-sentence stages stay linear.
 */
export const MAX_SENTENCE_CHARS = 1000;

function capLength(span: Span, text: string): Span[] {
  if (span.end - span.start <= MAX_SENTENCE_CHARS) return [span];
  const pieces: Span[] = [];
  let start = span.start;
  while (span.end - start > MAX_SENTENCE_CHARS) {
    let cut = text.lastIndexOf(' ', start + MAX_SENTENCE_CHARS);
    if (cut <= start + MAX_SENTENCE_CHARS / 2) cut = start + MAX_SENTENCE_CHARS;
    pieces.push({ start, end: cut });
    start = cut;
    while (start < span.end && text[start] === ' ') start++;
  }
  if (start < span.end) pieces.push({ start, end: span.end });
  return pieces;
}

export function splitSentences(text: string, skip: Span[] = []): Span[] {
  const sentences: Span[] = [];
  const paragraph = /[^\n]+/g;
  let match: RegExpExecArray | null;
  while ((match = paragraph.exec(text)) !== null) {
    const start = match.index + (match[0].length - match[0].trimStart().length);
    const end = match.index + match[0].trimEnd().length;
    if (end <= start) continue;
    if (skip.some((s) => s.start <= start && end <= s.end)) continue;
    for (const sentence of splitParagraph(text, start, end)) sentences.push(...capLength(sentence, text));
  }
  return sentences;
}

export const sentenceStage: Stage = {
  name: 'sentences',
  run(doc) {
    doc.sentences = splitSentences(doc.text, doc.subheads);
  },
};
