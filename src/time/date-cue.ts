/**
 * Whether a piece of text holds a date cue: a word without which chrono and our parsers read no date
 * there. The definition is this pattern (case-insensitive, ASCII: no `u` flag), kept for the tests:
 * the hand-written scan below answers exactly as `DATE_CUE.test` does, several times faster (it runs
 * over every sentence of every article, and most of them hold no cue).
 */
export const DATE_CUE =
  /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])|\b(?:today|tonight|yesterday|tomorrow|ago|weekend|days?|weeks?|months?|years?|hours?|night|morning|afternoon|evening|dawn|noon|midnight|decades?)\b|\d{1,2}[/.-]\d{1,2}|\b(?:1[89]|20)\d{2}\b/i;

/*
 * How the scan reads the pattern. Each alternative but the fourth starts at \b before a letter or
 * digit: at the start of a word (a run of [A-Za-z0-9_]).
 * - Weekdays and the time words end at \b: the whole word is one of WHOLE_WORDS.
 * - Months end with an optional period and no letter after: the word's leading letters are one of
 *   MONTH_WORDS (the period, a digit or an underscore may follow).
 * - Years: the whole word is four digits starting 18, 19 or 20.
 * - `\d{1,2}[/.-]\d{1,2}`: a slash, period or hyphen between two digits, anywhere.
 * Letters fold to lower case in ASCII only (without `u`, `i` folds no other character to ASCII).
 */
const WEEKDAY_STEMS = ['mon', 'tue', 'tues', 'wed', 'wednes', 'thu', 'thur', 'thurs', 'fri', 'sat', 'satur', 'sun'];
const TIME_WORDS = ['today', 'tonight', 'yesterday', 'tomorrow', 'ago', 'weekend', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'hour', 'hours', 'night', 'morning', 'afternoon', 'evening', 'dawn', 'noon', 'midnight', 'decade', 'decades'];
const WHOLE_WORDS = [...WEEKDAY_STEMS, ...WEEKDAY_STEMS.map((stem) => `${stem}day`), ...TIME_WORDS];
const MONTH_WORDS = ['jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july', 'aug', 'august', 'sep', 'sept', 'sepember', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december'];

const WHOLE = 1;
const MONTH = 2;

/** Trie over lowercase letters: node * 26 + letter gives the next node (0: none); `ends` says what ends there. */
const trieNext: number[] = new Array(26).fill(0);
const trieEnds: number[] = [0];
function addWord(word: string, kind: number): void {
  let node = 0;
  for (let i = 0; i < word.length; i++) {
    const slot = node * 26 + word.charCodeAt(i) - 97;
    if (!trieNext[slot]) {
      trieNext[slot] = trieEnds.length;
      trieEnds.push(0);
      for (let k = 0; k < 26; k++) trieNext.push(0);
    }
    node = trieNext[slot]!;
  }
  trieEnds[node]! |= kind;
}
for (const word of WHOLE_WORDS) addWord(word, WHOLE);
for (const word of MONTH_WORDS) addWord(word, MONTH);
const NEXT = Int32Array.from(trieNext);
const ENDS = Int32Array.from(trieEnds);

/** A-Z, a-z as 0-25; -1 for anything else. */
function letterIndex(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 65 && code <= 90) return code - 65;
  return -1;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** [A-Za-z0-9_] */
function isWordChar(code: number): boolean {
  return letterIndex(code) >= 0 || isDigit(code) || code === 95;
}

/** DATE_CUE.test(text.slice(start, end)), without making the string. */
export function hasDateCue(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (!isWordChar(code)) {
      // A slash, period or hyphen between two digits.
      if ((code === 47 || code === 46 || code === 45) && i > start && i + 1 < end && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) return true;
      i++;
      continue;
    }
    // A word: its leading letters walk the trie.
    const wordStart = i;
    let node = 0;
    let letter = letterIndex(code);
    while (letter >= 0 && node >= 0) {
      node = NEXT[node * 26 + letter]! || -1;
      i++;
      letter = i < end ? letterIndex(text.charCodeAt(i)) : -1;
    }
    while (letter >= 0) letter = ++i < end ? letterIndex(text.charCodeAt(i)) : -1;
    const lettersEnd = i;
    while (i < end && isWordChar(text.charCodeAt(i))) i++;
    if (lettersEnd > wordStart && node > 0) {
      if (ENDS[node]! & MONTH) return true;
      if (ENDS[node]! & WHOLE && lettersEnd === i) return true;
    }
    if (lettersEnd === wordStart && i - wordStart === 4 && isYear(text, wordStart)) return true;
  }
  return false;
}

/** Four characters at `at` that read 18xx, 19xx or 20xx. */
function isYear(text: string, at: number): boolean {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const century = (a === 49 && (b === 56 || b === 57)) || (a === 50 && b === 48);
  return century && isDigit(text.charCodeAt(at + 2)) && isDigit(text.charCodeAt(at + 3));
}
