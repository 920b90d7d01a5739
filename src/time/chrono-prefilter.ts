/**
 * chrono runs every parser's pattern over the whole text it is given, and most of those patterns start
 * with an optional group, so each is tried at every position. Most parsers, though, can only match
 * where a given word or a digit occurs (a month name, "ago", a weekday), so each such parser is asked
 * first whether its word is in the text at all; if not it is skipped, which cannot change a result.
 *
 * The words come from chrono's own English patterns (chrono-node 2.x): each regex below matches a
 * substring that every match of that parser's pattern must contain. Parsers not listed always run.
 * test/time/chrono-prefilter.test.ts checks the filtered chrono against the plain one.
 */
import type { Chrono, Parser } from 'chrono-node';

const DIGIT = /\d/;
/** Every key of chrono's MONTH_DICTIONARY starts with one of these. */
const MONTH = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;

const REQUIRED_BY_PARSER: Record<string, RegExp> = {
  ENTimeUnitLaterFormatParser: /later|after|from now|henceforth|forward|out/i,
  ENTimeUnitAgoFormatParser: /ago|before|earlier/i,
  ENTimeExpressionParser: DIGIT,
  ENWeekdayParser: /sun|mon|tue|wed|thu|fri|sat|weekend|weekday/i,
  ENMonthNameLittleEndianParser: MONTH,
  ENMonthNameParser: MONTH,
  ENMonthNameMiddleEndianParser: MONTH,
  ENYearMonthNameParser: MONTH,
  ENRelativeDateFormatParser: /this|last|past|next/i,
  ENCasualTimeParser: /morning|afternoon|evening|night|midnight|midday|noon/i,
  ENCasualDateParser: /now|today|tonight|tomorrow|overmorrow|tmr|yesterday|night/i,
  ENEndOfCurrentMonthParser: /month/i,
  ENYearMonthDayParser: DIGIT,
  ENSlashMonthFormatParser: DIGIT,
  ISOFormatParser: DIGIT,
  SlashDateFormatParser: DIGIT,
};

/** Matches nothing, and tries only at the first position (sticky). */
const NEVER = /(?!)/y;

// Several parsers share a word test (month names, digits) and chrono asks them one after the other on
// the same text, so each test is run once per text.
let testedText: string | null = null;
const tested = new Map<RegExp, boolean>();

function contains(text: string, required: RegExp): boolean {
  if (text !== testedText) {
    testedText = text;
    tested.clear();
  }
  let found = tested.get(required);
  if (found === undefined) {
    found = required.test(text);
    tested.set(required, found);
  }
  return found;
}

function prefiltered(parser: Parser, required: RegExp): Parser {
  const wrapped = Object.create(parser) as Parser;
  wrapped.pattern = (context) => (contains(context.text, required) ? parser.pattern(context) : NEVER);
  return wrapped;
}

/** Wraps the parsers of `chrono` (in place) that can be skipped on text without their word. */
export function addParserPrefilters(chrono: Chrono): Chrono {
  chrono.parsers = chrono.parsers.map((parser) => {
    const required = REQUIRED_BY_PARSER[parser.constructor.name];
    return required ? prefiltered(parser, required) : parser;
  });
  return chrono;
}
