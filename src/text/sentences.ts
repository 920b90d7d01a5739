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

function wordBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && /[\p{L}.]/u.test(text[start - 1])) start--;
  return text.slice(start, index);
}

function isAbbreviation(text: string, punctIndex: number, punct: string): boolean {
  if (punct !== '.') return false;
  const word = wordBefore(text, punctIndex);
  if (!word) return false;
  if (abbreviations.has(word)) return true;
  // A single capital ("Abu Bakr A. Smith") or dotted initials ("U.S.") before the dot.
  return /^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
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

export function splitSentences(text: string, skip: Span[] = []): Span[] {
  const sentences: Span[] = [];
  const paragraph = /[^\n]+/g;
  let match: RegExpExecArray | null;
  while ((match = paragraph.exec(text)) !== null) {
    const start = match.index + (match[0].length - match[0].trimStart().length);
    const end = match.index + match[0].trimEnd().length;
    if (end <= start) continue;
    if (skip.some((s) => s.start <= start && end <= s.end)) continue;
    sentences.push(...splitParagraph(text, start, end));
  }
  return sentences;
}

export const sentenceStage: Stage = {
  name: 'sentences',
  run(doc) {
    doc.sentences = splitSentences(doc.text, doc.subheads);
  },
};
