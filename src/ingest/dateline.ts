/**
 * Wire-style datelines open the first paragraph of a story: "QAMISHLI, Syria: ...",
 * "NEAR BAGHOUZ, Syria: ...", "BEIRUT, March 5 (Reuters) - ...". The place is set in capitals, which is
 * what tells a dateline from an ordinary sentence that happens to contain a colon.
 */
import { readLexiconLines } from '../model/data-files.js';

const prefixes = readLexiconLines('data/ingest/dateline-prefixes.txt')
  .map((p) => p.replace(/ +/g, '\\s+'))
  .join('|');

const CAPS_WORD = "\\p{Lu}[\\p{Lu}'’.\\-]+";
const NAME_WORD = "\\p{Lu}[\\p{L}'’.\\-]*";
const DATELINE = new RegExp(
  '^(' +
    `(?:(?:${prefixes})\\s+)?` + // NEAR / OUTSIDE
    `${CAPS_WORD}(?:\\s+${CAPS_WORD}){0,4}` + // the place, in capitals
    `(?:,\\s*${NAME_WORD}(?:\\s+${NAME_WORD}){0,3})?` + // ", Syria"
    '(?:,?\\s*\\p{Lu}\\p{Ll}{2,8}\\.?\\s+\\d{1,2})?' + // ", March 5"
    ')' +
    '\\s*(?:\\((?:[\\p{L} .&]{2,30})\\))?' + // (Reuters)
    '\\s*(?::|—|–|--?)\\s+(?=\\S)',
  'u',
);

export interface Dateline {
  /** The dateline as written, without the separator: "QAMISHLI, Syria". */
  text: string;
  /** Length of the dateline and its separator at the start of the line. */
  length: number;
}

// A module constant: tsx compiles a \p{...} literal into `new RegExp(...)`, rebuilt at every call.
const NOT_CAPITAL = /[^\p{Lu}]/gu;

export function matchDateline(line: string): Dateline | null {
  const match = DATELINE.exec(line);
  if (!match) return null;
  const place = match[1].trim();
  // Two capital letters are an acronym ("US: ..."), not a town.
  if (place.replace(NOT_CAPITAL, '').length < 3) return null;
  return { text: place, length: match[0].length };
}
