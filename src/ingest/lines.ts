/**
 * Scraped pages are read line by line: each line is classified by its shape (headline, bullet,
 * all-caps subhead, body paragraph) before the segmenter decides where stories begin and end.
 */
import { readLexiconLines } from '../model/data-files.js';

export type LineKind = 'blank' | 'bullet' | 'headline' | 'caps' | 'body' | 'boilerplate';

export interface PageLine {
  /** Offsets of the trimmed line in the page. */
  start: number;
  end: number;
  /** Cleaned text (bullet marker removed, whitespace collapsed). */
  text: string;
  kind: LineKind;
  /** Lower-cased, punctuation-free form used to detect repeated lines. */
  key: string;
}

const BULLET = /^(?:[-*•·▪‣–—]|\d{1,2}[.)])\s+/u;
// A sentence ends with terminal punctuation, possibly followed by closing quotes or brackets.
const TERMINAL = /[.!?…:;,]["'”’»)\]]*$/u;
const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/gu;
const UPPER = /\p{Lu}/gu;
// Cheap pre-check: an all-caps line has two capitals in a row somewhere.
const HAS_UPPER_RUN = /\p{Lu}\p{Lu}/u;

const boilerplate = readLexiconLines('data/ingest/boilerplate.txt').map((entry) => entry.toLowerCase());
const boilerplateExact = new Set(boilerplate.filter((e) => !e.endsWith('*')));
const boilerplatePrefixes = boilerplate.filter((e) => e.endsWith('*')).map((e) => e.slice(0, -1));

/** Invisible characters and odd spaces scrapers leave behind; normalised so repeated lines compare equal. */
export function cleanLine(raw: string): string {
  return raw
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

export function repetitionKey(text: string): string {
  // Long paragraphs repeat verbatim when a scraper repeats them; normalising them is wasted work.
  if (text.length > 200) return text;
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function isBoilerplate(text: string): boolean {
  const lower = text.toLowerCase();
  if (boilerplateExact.has(lower)) return true;
  return boilerplatePrefixes.some((prefix) => lower.startsWith(prefix));
}

/** All letters upper case (at least a few of them): a subhead, or a headline set in capitals. */
export function isAllCaps(text: string): boolean {
  if (text.length > 160 || !HAS_UPPER_RUN.test(text)) return false;
  const upper = text.match(UPPER)?.length ?? 0;
  const lower = text.match(LOWER)?.length ?? 0;
  return upper >= 4 && lower <= upper * 0.05;
}

/**
 * Headline-shaped: short, several words, starts with a capital, and does not end like a sentence.
 * Wire headlines are sentence case or title case; both pass.
 */
export function isHeadlineShaped(text: string): boolean {
  if (text.length < 12 || text.length > 160) return false;
  if (TERMINAL.test(text)) return false;
  const words = text.split(' ');
  if (words.length < 3 || words.length > 24) return false;
  return /^["'“‘(]?[\p{Lu}\p{N}]/u.test(text);
}

export function classifyLine(text: string): LineKind {
  if (!text) return 'blank';
  if (!LETTER.test(text)) return 'boilerplate';
  if (isBoilerplate(text)) return 'boilerplate';
  if (BULLET.test(text)) return 'bullet';
  if (isAllCaps(text) && !/[.!?]["'”’)]*$/u.test(text)) return 'caps';
  if (isHeadlineShaped(text)) return 'headline';
  return 'body';
}

/** Splits a page into classified lines with offsets, whatever the line endings. */
export function splitPageLines(page: string): PageLine[] {
  const lines: PageLine[] = [];
  const pattern = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(page)) !== null) {
    if (match[0] === '') {
      pattern.lastIndex++;
      if (pattern.lastIndex > page.length) break;
      continue;
    }
    const rawLine = match[0].replace(/[\r\n]+$/, '');
    const leading = rawLine.length - rawLine.trimStart().length;
    const start = match.index + leading;
    const end = match.index + rawLine.trimEnd().length;
    let text = cleanLine(rawLine);
    let kind = classifyLine(text);
    if (kind === 'bullet') text = text.replace(BULLET, '').trim();
    lines.push({ start, end: Math.max(start, end), text, kind, key: repetitionKey(text) });
  }
  return lines;
}
