import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as chrono from 'chrono-node';
import type { Parser, ParsingResult } from 'chrono-node';
import fc from 'fast-check';
import { ANCHORED_PARSER_NAMES, withAnchors } from '../../src/time/parsers/anchored-chrono.js';
import { BareYearParser } from '../../src/time/parsers/bare-year.js';
import { DayFirstRangeParser } from '../../src/time/parsers/day-range.js';
import { PastWeekendParser } from '../../src/time/parsers/weekend.js';

// The anchored parsers must find exactly what chrono's own find, on any text: they only skip
// positions where no match can start. Texts are made of date words, numbers, separators and pieces
// of words that hold anchors ("Omar", "demonstrators", "about"), glued in any order.

const ours = [
  { name: 'PastWeekendParser', parser: PastWeekendParser },
  { name: 'DayFirstRangeParser', parser: DayFirstRangeParser },
  { name: 'BareYearParser', parser: BareYearParser },
];
const all = [...ours, ...chrono.casual.clone().parsers.map((parser) => ({ name: parser.constructor.name, parser }))];
const anchored = withAnchors(all);
const reference = new Date(Date.UTC(2019, 2, 7, 12));

const PIECES = [
  'on', 'in', 'at', 'from', 'to', 'of', 'the', 'a', 'an', 'few', 'several', 'couple', 'half', 'about', 'around', 'within', 'for',
  'this', 'last', 'past', 'next', 'after', 'before', 'ago', 'earlier', 'later', 'out', 'from now', 'forward', 'henceforth',
  'Monday', 'tue', 'Wed.', 'thurs.', 'Friday', 'sat', 'Sunday', 'weekend', 'weekday', 'week', 'weeks', 'month', 'months',
  'year', 'yrs', 'days', 'day', 'd', 's', 'h', 'hours', 'min', 'mos', 'qtr', 'quarter', 'seconds',
  'March', 'mar', 'May', 'Sept.', 'sept', 'dec', 'December', 'jan.', 'august', 'Omar', 'demonstrators', 'without', 'showed',
  'today', 'tonight', 'tomorrow', 'yesterday', 'now', 'last night', 'morning', 'midnight', 'noon', 'evening', 'night', 'mid',
  'end', 'last day', 'first', 'second', 'third', 'twenty-first', 'twenty first', '3rd', '21st', '5th', 'until', 'through', 'till',
  '1', '3', '10', '12', '24', '25', '2014', '1999', '12345', '123456', '2011-2014', '3-5', 'since', 'between', 'and', 'over', 'during', 'mid-', '3.5', '10:30', '9:15:20', '2014-03-05', '3/2014', '3/5/2014', '12.4.2019',
  'am', 'pm', 'a.m.', "o'clock", 'T', 'T10:30Z', 'GMT', '+', '-', '–', '/', ',', '.', '(', ')', '（', '"', "'", '\n', '\u0000', 'É',
];
// Glued pieces ("onFriday", "3rdof") are where the rules' character classes are put to the test.
const SEPARATORS = [' ', '', ' ', '', '  ', ', ', '. ', '\n', '-', ' - '];

const textArbitrary = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 30 })
  .map((parts) => parts.map(([piece, separator]) => piece + separator).join(''));

interface Executor {
  executeParser(context: unknown, parser: Parser): ParsingResult[];
}
const executor = chrono.Chrono as unknown as Executor;

function found(parser: Parser, text: string) {
  const context = new chrono.ParsingContext(text, reference, { forwardDate: false });
  return executor.executeParser(context, parser).map((result) => ({
    index: result.index,
    text: result.text,
    start: result.start.date().toISOString(),
    end: result.end?.date().toISOString() ?? null,
  }));
}

test('every rule applies to the installed chrono and to our parsers (a changed pattern would leave its parser unsped)', () => {
  const context = new chrono.ParsingContext('', reference, { forwardDate: false });
  const wrapped = all
    .map(({ name }, i) => ({ name, pattern: anchored[i].pattern(context) }))
    .filter(({ pattern }) => pattern.constructor !== RegExp)
    .map(({ name }) => name);
  assert.deepEqual(wrapped.sort(), [...ANCHORED_PARSER_NAMES].sort());
});

test('anchored parsers find what chrono finds, on random texts of date words', () => {
  fc.assert(
    fc.property(textArbitrary, (text) => {
      all.forEach(({ name, parser }, i) => {
        assert.deepEqual(found(anchored[i], text), found(parser, text), `${name} on ${JSON.stringify(text)}`);
      });
    }),
    { numRuns: 1000, seed: 7 },
  );
});

test('anchored parsers find what chrono finds in a news paragraph', () => {
  const text =
    'Two weeks after the talks, on Tuesday 5 March 2019 at 10:30, shelling resumed; 3 days ago some 40 people ' +
    'fled at dawn. Since 2011, more than 7,000 died. The truce ends in 2 weeks, by mid-March, or next month.';
  all.forEach(({ name, parser }, i) => {
    assert.deepEqual(found(anchored[i], text), found(parser, text), name);
  });
});

test('anchored parsers find what chrono finds in counted durations before "ago", "later", "before"', () => {
  const phrases = [
    'a couple of days ago', 'acouple of weeks later', 'half an hour later', 'half a day earlier', 'several weeks earlier',
    'a few months before', 'an hour ago', '3.5 years before', 'twodays after', 'the day after', 'twelve hrs ago',
    '2 days, 3 hours and 5 minutes ago', 'about 10 mos from now', 'one qtr out', 'in a few days', 'for the past 3 weeks',
  ];
  for (const phrase of phrases) {
    const text = `It happened ${phrase}, officials said.`;
    all.forEach(({ name, parser }, i) => {
      assert.deepEqual(found(anchored[i], text), found(parser, text), `${name} on ${JSON.stringify(text)}`);
    });
  }
});
