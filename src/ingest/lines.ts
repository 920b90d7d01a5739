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
// Regular expressions with \p{...} are module constants: tsx (esbuild) compiles such a literal into
// `new RegExp(...)`, which would build the expression again at every call.
const NOT_ALNUM = /[^\p{L}\p{N}]+/gu;
const STARTS_CAPITALISED = /^["'“‘(]?[\p{Lu}\p{N}]/u;

const boilerplate = readLexiconLines('data/ingest/boilerplate.txt').map((entry) => entry.toLowerCase());
const boilerplateExact = new Set(boilerplate.filter((e) => !e.endsWith('*')));
const boilerplatePrefixes = boilerplate.filter((e) => e.endsWith('*')).map((e) => e.slice(0, -1));
// Lower-casing never shortens a string, so a line longer than every entry is no exact entry, and only
// its head can start with a prefix: body paragraphs are not lower-cased whole to learn that.
const longestExact = Math.max(0, ...[...boilerplateExact].map((e) => e.length));
const longestPrefix = Math.max(0, ...boilerplatePrefixes.map((e) => e.length));

// Any character cleanLine would change (besides trimming): most lines have none and skip the four
// replacements.
const NEEDS_CLEANING = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00a0\u00ad\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff\t]| {2}/;

/** Invisible characters and odd spaces scrapers leave behind; normalised so repeated lines compare equal. */
export function cleanLine(raw: string): string {
  if (!NEEDS_CLEANING.test(raw)) return raw.trim();
  return raw
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const NOT_ASCII_ALNUM = /[^a-z0-9]+/g;

export function repetitionKey(text: string): string {
  // Long paragraphs repeat verbatim when a scraper repeats them; normalising them is wasted work.
  if (text.length > 200) return text;
  // Plain ASCII (most lines): the same key without the slower Unicode classes.
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(NOT_ASCII_ALNUM, ' ').trim();
  return text
    .toLowerCase()
    .replace(NOT_ALNUM, ' ')
    .trim();
}

function isBoilerplate(text: string): boolean {
  if (text.length <= longestExact && boilerplateExact.has(text.toLowerCase())) return true;
  const head = text.slice(0, longestPrefix).toLowerCase();
  return boilerplatePrefixes.some((prefix) => head.startsWith(prefix));
}

/** All letters upper case (at least a few of them): a subhead, or a headline set in capitals. */
export function isAllCaps(text: string): boolean {
  if (text.length > 160 || !HAS_UPPER_RUN.test(text)) return false;
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 128) {
      // Outside ASCII the Unicode classes decide (surrogate pairs and all).
      upper = text.match(UPPER)?.length ?? 0;
      lower = text.match(LOWER)?.length ?? 0;
      break;
    }
  }
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
  return STARTS_CAPITALISED.test(text);
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
  if (!page.includes('\r')) return splitNewlineLines(page);
  const lines: PageLine[] = [];
  const pattern = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(page)) !== null) {
    if (match[0] === '') {
      pattern.lastIndex++;
      if (pattern.lastIndex > page.length) break;
      continue;
    }
    lines.push(pageLine(match[0].replace(/[\r\n]+$/, ''), match.index));
  }
  return lines;
}

/** splitPageLines for the usual page with only \n line ends: indexOf instead of a regex per line. */
function splitNewlineLines(page: string): PageLine[] {
  const lines: PageLine[] = [];
  let pos = 0;
  while (pos < page.length) {
    let nl = page.indexOf('\n', pos);
    if (nl < 0) nl = page.length;
    lines.push(pageLine(page.slice(pos, nl), pos));
    pos = nl + 1;
  }
  return lines;
}

function pageLine(rawLine: string, at: number): PageLine {
  const leading = rawLine.length - rawLine.trimStart().length;
  const start = at + leading;
  const end = at + rawLine.trimEnd().length;
  let text = cleanLine(rawLine);
  const kind = classifyLine(text);
  if (kind === 'bullet') text = text.replace(BULLET, '').trim();
  return { start, end: Math.max(start, end), text, kind, key: repetitionKey(text) };
}
