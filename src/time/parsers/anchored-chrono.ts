/**
 * Anchors of the date parsers (see ../anchored-parser.ts): for each of chrono's English parsers and of
 * ours, the words every match holds, what the pattern allows between a match's start and that word,
 * and what must come just before it. Each rule is tied to the pattern it was read from (a hash of its
 * source): a chrono release that changes a pattern leaves that parser as it is.
 */
import type { Parser } from 'chrono-node';
import { anchoredParsers, isWordCode, type AnchorRule } from '../anchored-parser.js';

/** A test of one character: a table for ASCII, the pattern for the rest. */
function charTest(allowed: RegExp): (code: number) => boolean {
  const ascii = new Uint8Array(128);
  for (let code = 0; code < 128; code++) ascii[code] = allowed.test(String.fromCharCode(code)) ? 1 : 0;
  return (code) => (code < 128 ? ascii[code] === 1 : allowed.test(String.fromCharCode(code)));
}

function charsBetween(allowed: RegExp): AnchorRule['between'] {
  const test = charTest(allowed);
  return (text, index) => test(text.charCodeAt(index));
}

const NOTHING_BETWEEN = () => false;
/** The anchor right after the boundary: a non-word character before it. */
const nonWord = (code: number) => !isWordCode(code);
const space = charTest(/\s/);

function isDigit(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
}

/** Counts of time units ("3 days and 2 hours"): letters, digits, spaces, commas, decimal points. */
const countedUnits = charsBetween(/[A-Za-z0-9\s,]/);
const countedUnitsBetween: AnchorRule['between'] = (text, index) =>
  countedUnits(text, index) || (text[index] === '.' && isDigit(text, index - 1) && isDigit(text, index + 1));
/**
 * What chrono's "3 days ago" and "3 days later" patterns hold before their keyword: a count ending as
 * theirs do (digits, a number word, "a", "few", "couple of") and a unit of theirs, at most 23
 * characters. Most "after" and "before" in news follow no unit, and the pattern is not tried there.
 */
const COUNT_END = '[0-9]|eleven|twelve|three|seven|eight|four|five|nine|one|two|six|ten|half|an?|few|several|the|couple|of';
const UNIT =
  'quarters|seconds|minutes|quarter|second|minute|months|hours|weeks|month|years|mins|hour|days|week|year|sec|min|hrs|day|mon|mos|qtr|hr|mo|yr|s|m|h|d|w|y';
const afterUnit = {
  beforeChar: charTest(/[srdehkcnoymw\s]/i),
  before: new RegExp(`(?:${COUNT_END})\\s{0,3}(?:${UNIT})\\s{0,5}$`, 'i'),
};

/**
 * Patterns whose anchor may follow one optional word ("this morning", "in March"): between the match's
 * start and the anchor only spaces and that word's letters, before it a boundary or the word's end.
 */
function afterOptionalWord(word: string): Pick<AnchorRule, 'between' | 'beforeChar' | 'before'> {
  return {
    between: charsBetween(new RegExp(`[\\s${word}]`, 'i')),
    beforeChar: charTest(new RegExp(`[^A-Za-z0-9_]|${word.at(-1)}`, 'i')),
    before: new RegExp(`(?:\\W|${word})$`, 'i'),
  };
}

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Patterns of chrono's that begin with their anchor, right after the `(\W|^)` boundary. */
function rightAfterBoundary(words: string[], hash: number): AnchorRule {
  return { words, between: NOTHING_BETWEEN, beforeChar: nonWord, starts: 'boundary', sources: [hash] };
}

const RULES: Record<string, AnchorRule> = {
  // "3 days ago", "two weeks before"
  ENTimeUnitAgoFormatParser: {
    words: ['ago', 'before', 'earlier'],
    between: countedUnitsBetween,
    ...afterUnit,
    starts: 'boundary',
    sources: [2292519236],
  },
  // "3 days later", "two weeks after"
  ENTimeUnitLaterFormatParser: {
    words: ['later', 'after', 'from now', 'henceforth', 'forward', 'out'],
    between: countedUnitsBetween,
    ...afterUnit,
    starts: 'boundary',
    sources: [4264034073],
  },
  // "within 3 days", "in two weeks" (the pattern without forwardDate, where the keyword is required)
  ENTimeUnitWithinFormatParser: rightAfterBoundary(['within', 'in', 'for'], 1772588127),
  // "last 3 days", "next two weeks", "+2 days"
  ENTimeUnitCasualRelativeFormatParser: rightAfterBoundary(['this', 'last', 'past', 'next', 'after', '+', '-'], 3220907223),
  // "last week", "next month"
  ENRelativeDateFormatParser: rightAfterBoundary(['this', 'last', 'past', 'next', 'after'], 4081752476),
  // "today", "tonight", "tomorrow", "yesterday", "last night", "now"
  ENCasualDateParser: rightAfterBoundary(['now', 'to', 'overmorrow', 'tmr', 'yesterday', 'last'], 3628730703),
  // "end of the month", "last day of the month"
  ENEndOfCurrentMonthParser: rightAfterBoundary(['last', 'end'], 312679103),
  // "March 3rd, 2014"
  ENMonthNameMiddleEndianParser: rightAfterBoundary(MONTHS, 1363387971),
  // Numeric dates: "2014-03-05", "2014/3/5", "3/2014", "2014 March"
  ENYearMonthDayParser: rightAfterBoundary(DIGITS, 3420064232),
  ISOFormatParser: rightAfterBoundary(DIGITS, 3144615613),
  ENSlashMonthFormatParser: rightAfterBoundary(DIGITS, 3534533041),
  ENYearMonthNameParser: rightAfterBoundary(DIGITS, 734229145),
  // ", on last Friday", "weekend": before the weekday only "on", "this/last/past/next", commas, brackets.
  ENWeekdayParser: {
    words: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'week'],
    between: charsBetween(/[\s,(\uFF08onthislapex]/i),
    beforeChar: charTest(/[^A-Za-z0-9_]|[nst]/i),
    before: /(?:\W|on|this|last|past|next)$/i,
    starts: 'boundary',
    sources: [3282858774],
  },
  // "this morning", "midnight"
  ENCasualTimeParser: {
    words: ['morning', 'afternoon', 'evening', 'night', 'mid', 'noon'],
    ...afterOptionalWord('this'),
    starts: 'boundary',
    sources: [341350773],
  },
  // "in March 2014"
  ENMonthNameParser: {
    words: MONTHS,
    ...afterOptionalWord('in'),
    starts: 'boundary',
    sources: [535844929],
  },
  // "on 3rd to 5th of March 2014": a day (digits, or a word or number ending -st, -nd, -rd, -th), a
  // separator, the month.
  ENMonthNameLittleEndianParser: {
    words: MONTHS,
    between: charsBetween(/[A-Za-z0-9\s\-\u2013/]/),
    beforeChar: charTest(/[0-9tdhf\-/\s]/i),
    before: /(?:[0-9]|st|nd|rd|th)(?:-|\/|\s{0,3}(?:of)?\s{0,3})$/i,
    starts: 'boundary',
    sources: [2076552627],
  },
  // "at 10:30", "from 9 am", "T10:30": digits after "at", "from", spaces, a "T" or a boundary.
  ENTimeExpressionParser: {
    words: DIGITS,
    between: charsBetween(/[\sATFROMatfrom]/),
    beforeChar: charTest(/[^A-Za-z0-9_]|[tm]/i),
    before: /(?:\W|t|from)$/i,
    starts: 'anywhere',
    sources: [1864748440],
  },
  // Ours (see the parsers' files): "over the weekend", "3-5 March", "since 2011".
  PastWeekendParser: {
    words: ['weekend'],
    between: charsBetween(/[\sa-z]/i),
    beforeChar: space,
    starts: 'word',
    sources: [1369566027],
  },
  DayFirstRangeParser: {
    words: MONTHS,
    between: charsBetween(/[a-z0-9\s\-\u2013]/i),
    beforeChar: space,
    starts: 'word',
    sources: [1256279348],
  },
  BareYearParser: {
    words: ['1', '2'],
    between: charsBetween(/[a-z\s-]/i),
    beforeChar: space,
    starts: 'word',
    sources: [2614851836],
  },
};

/** Names of the parsers that have an anchor rule. */
export const ANCHORED_PARSER_NAMES = Object.keys(RULES);

/**
 * The parsers, those with a rule searched from their anchors. chrono's are named by their class, ours
 * by the name given here.
 */
export function withAnchors(parsers: Array<Parser | { name: string; parser: Parser }>): Parser[] {
  return anchoredParsers(
    parsers.map((entry) => ('parser' in entry ? entry : { name: entry.constructor.name, parser: entry })),
    RULES,
  );
}
