/**
 * Date expressions with chrono-node, normalised against the publication date with a precision.
 * Our parsers and refiners adapt chrono to news: past-tense weekdays, weekends, bare years, day ranges,
 * durations and "now" dropped.
 */
import * as chrono from 'chrono-node';
import type { ParsedResult } from 'chrono-node';
import type { DateComponents, DatePrecision, DateSpan } from '../model/types.js';
import { addDays, formatDay, formatMonth, parseDay, weekOf, type Ymd } from './calendar.js';
import { WEEKDAYS } from './month-names.js';
import { BareYearParser } from './parsers/bare-year.js';
import { DayFirstRangeParser } from './parsers/day-range.js';
import { PastWeekendParser } from './parsers/weekend.js';
import { withAnchors } from './parsers/anchored-chrono.js';
import { guardEndOfPeriodRefiner } from './refiners/end-of-period-guard.js';
import { NotADateRefiner } from './refiners/not-a-date.js';
import { PastTenseWeekdayRefiner } from './refiners/past-weekday.js';

function buildNewsChrono(): chrono.Chrono {
  const custom = chrono.casual.clone();
  // Same parsers, searched from the words their matches need (a month, a weekday, "ago", a digit).
  custom.parsers = withAnchors([
    { name: 'PastWeekendParser', parser: PastWeekendParser },
    { name: 'DayFirstRangeParser', parser: DayFirstRangeParser },
    { name: 'BareYearParser', parser: BareYearParser },
    ...custom.parsers,
  ]);
  custom.refiners.push(NotADateRefiner, PastTenseWeekdayRefiner);
  custom.refiners = custom.refiners.map((refiner) =>
    refiner.constructor.name === 'ENEndOfPeriodRefiner' ? guardEndOfPeriodRefiner(refiner) : refiner,
  );
  return custom;
}

const newsChrono = buildNewsChrono();

/** Without a publication date we still parse (to keep what the text says) but report no value. */
const PLACEHOLDER_REFERENCE = '2000-01-05';

const WEEKDAY_WORD = new RegExp(`\\b(${WEEKDAYS.join('|')})\\b`, 'i');
const PAST_PERIOD = /\b(?:past|last|previous)\s+(\w+\s+)?(days|weeks|months|years)\b/i;

function ymdOf(components: ParsedResult['start']): Ymd {
  return { year: smallInteger(components.get('year')!), month: smallInteger(components.get('month')!), day: smallInteger(components.get('day')!) };
}

/**
 * An integer as a small integer: chrono computes some values in floating point, and days holding
 * both kinds of number make every calendar function recompile when the second kind turns up.
 */
function smallInteger(n: number): number {
  return n === (n | 0) ? n | 0 : n;
}

/** chrono builds a new set of tags on every call, so each result's is read once. */
type Tags = ReturnType<ParsedResult['tags']>;

function precisionOf(result: ParsedResult, tags: Tags): DatePrecision {
  const text = result.text.toLowerCase();
  if (result.end || tags.has('sitrep/weekend') || PAST_PERIOD.test(text)) return 'range';
  if (tags.has('sitrep/year')) return 'year';
  if (WEEKDAY_WORD.test(text) || result.start.isCertain('day')) return 'day';
  if (/\b(?:today|yesterday|tonight|days?|night|morning|afternoon|evening)\b/.test(text)) return 'day';
  if (/\bweeks?\b/.test(text)) return 'week';
  if (/\bmonths?\b/.test(text) || result.start.isCertain('month')) return 'month';
  if (/\byears?\b/.test(text) || result.start.isCertain('year')) return 'year';
  return 'day';
}

function format(ymd: Ymd, precision: DatePrecision): string {
  if (precision === 'year') return String(ymd.year).padStart(4, '0');
  if (precision === 'month') return formatMonth(ymd);
  return formatDay(ymd);
}

function componentsOf(result: ParsedResult): DateComponents {
  const components: DateComponents = {};
  for (const name of ['year', 'month', 'day', 'weekday'] as const) {
    if (result.start.isCertain(name)) components[name] = result.start.get(name)!;
  }
  const weekdayMatch = WEEKDAY_WORD.exec(result.text);
  if (weekdayMatch) components.weekday = WEEKDAYS.indexOf(weekdayMatch[1].toLowerCase());
  return components;
}

/** Value and range end; when `resolvable` is false only fully explicit dates get a value. */
function valuesOf(result: ParsedResult, tags: Tags, precision: DatePrecision, reference: Ymd | null): { value: string | null; valueEnd: string | null } {
  const start = ymdOf(result.start);
  const explicit =
    result.start.isCertain('year') &&
    (precision === 'year' || result.start.isCertain('month')) &&
    (precision === 'year' || precision === 'month' || result.start.isCertain('day'));
  if (!reference && !explicit) return { value: null, valueEnd: null };
  if (precision === 'week') {
    // chrono puts "this week" on a Sunday; the week meant is the one holding the publication day.
    const text = result.text.toLowerCase();
    const anchor = reference && /\bthis\s+week\b/.test(text) ? reference : reference && /\blast\s+week\b/.test(text) ? addDays(reference, -7) : start;
    const [monday, sunday] = weekOf(anchor);
    return { value: formatDay(monday), valueEnd: formatDay(sunday) };
  }
  if (precision === 'range') {
    if (result.end) {
      const endPrecision = tags.has('sitrep/year') ? 'year' : 'day';
      return { value: format(start, endPrecision), valueEnd: format(ymdOf(result.end), endPrecision) };
    }
    // "over the past three days": the three days up to and including the reference day.
    if (!reference) return { value: null, valueEnd: null };
    return { value: formatDay(addDays(start, 1)), valueEnd: formatDay(reference) };
  }
  return { value: format(start, precision), valueEnd: null };
}

const LEADING_PREPOSITION = /^(?:in|since|from|until|till|by|during|before|after|of|throughout|between|early|late|mid-?)\s+(?=\d)/i;

/** Span of the expression itself: no trailing punctuation, no preposition kept for chrono's sake. */
function trimmedSpan(result: ParsedResult, tags: Tags): { start: number; end: number } {
  let start = result.index;
  let text = result.text;
  if (tags.has('sitrep/year')) {
    const lead = LEADING_PREPOSITION.exec(text);
    if (lead) {
      start += lead[0].length;
      text = text.slice(lead[0].length);
    }
  }
  const trimmed = text.replace(/[\s,.;:]+$/, '');
  return { start, end: start + trimmed.length };
}

/** Words without which a paragraph holds no date expression chrono or our parsers could read. */
const DATE_CUE =
  /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])|\b(?:today|tonight|yesterday|tomorrow|ago|weekend|days?|weeks?|months?|years?|hours?|night|morning|afternoon|evening|dawn|noon|midnight|decades?)\b|\d{1,2}[/.-]\d{1,2}|\b(?:1[89]|20)\d{2}\b/i;

// Sentence-sized pieces (up to a full stop and the space after it), so one dated sentence does not
// keep its whole paragraph in.
const PIECE = /[^\n.!?]+[.!?]*/g;

/** Stands in for a piece left out: neither a word character nor a space. */
const LEFT_OUT = '\u0000';

/** Text handed to chrono, and where each of its runs of kept text starts in the original text. */
interface DatedText {
  text: string;
  /** Ascending starts (in `text`) of runs copied verbatim, and the original offset of each. */
  runStarts: number[];
  runOrigins: number[];
}

/**
 * chrono costs about as much as tokenising: it runs some thirty patterns over every position of the
 * text it is given, and a blank is as costly a position as a word. So pieces with no date cue are left
 * out, each replaced by a single NUL (neither a word character nor a space): no expression, and no merge
 * of a date with a time or a range ("night" ... "Since 2014"), reaches across the sentences left out, as
 * none would across the text they held. Offsets are mapped back through the runs kept.
 */
function datedText(text: string): DatedText {
  const parts: string[] = [];
  const runStarts: number[] = [];
  const runOrigins: number[] = [];
  let length = 0;
  /** Original offset up to which text has been copied or replaced. */
  let copied = 0;
  const keepUpTo = (end: number) => {
    if (end <= copied) return;
    if (!runStarts.length || runOrigins[runOrigins.length - 1] + (length - runStarts[runStarts.length - 1]) !== copied) {
      runStarts.push(length);
      runOrigins.push(copied);
    }
    parts.push(text.slice(copied, end));
    length += end - copied;
    copied = end;
  };
  let leftOut = 0;
  PIECE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = PIECE.exec(text)) !== null) {
    if (DATE_CUE.test(match[0])) continue;
    keepUpTo(match.index);
    parts.push(LEFT_OUT);
    length += 1;
    leftOut += 1;
    copied = match.index + match[0].length;
  }
  keepUpTo(text.length);
  return { text: leftOut ? parts.join('') : text, runStarts, runOrigins };
}

/** Original offset of a position in a dated text (a position on a NUL maps to the piece's start). */
function originalOffset(dated: DatedText, index: number): number {
  const { runStarts, runOrigins } = dated;
  let lo = 0;
  let hi = runStarts.length - 1;
  if (hi < 0 || index < runStarts[0]) return index;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runStarts[mid] <= index) lo = mid;
    else hi = mid - 1;
  }
  return runOrigins[lo] + (index - runStarts[lo]);
}

export function parseDates(text: string, published: string | null): DateSpan[] {
  const reference = parseDay(published ?? PLACEHOLDER_REFERENCE);
  const instant = new Date(Date.UTC(reference.year, reference.month - 1, reference.day, 12));
  const dated = datedText(text);
  const results = newsChrono.parse(dated.text, { instant, timezone: 0 }, { forwardDate: false });
  return results.map((result) => {
    const tags = result.tags();
    const precision = precisionOf(result, tags);
    const { value, valueEnd } = valuesOf(result, tags, precision, published ? reference : null);
    const trimmed = trimmedSpan(result, tags);
    const start = originalOffset(dated, trimmed.start);
    const end = originalOffset(dated, trimmed.end - 1) + 1;
    const span: DateSpan = {
      text: text.slice(start, end),
      start,
      end,
      value,
      precision,
      components: componentsOf(result),
    };
    if (valueEnd) span.valueEnd = valueEnd;
    return span;
  });
}
