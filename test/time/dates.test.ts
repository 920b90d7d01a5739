import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDates } from '../../src/time/index.js';

// Thursday 7 March 2019: the publication day of every story below unless said otherwise.
const PUBLISHED = '2019-03-07';

function only(text: string, published: string | null = PUBLISHED) {
  const dates = parseDates(text, published);
  assert.equal(dates.length, 1, `one date in "${text}", got ${JSON.stringify(dates)}`);
  const [date] = dates;
  assert.equal(text.slice(date.start, date.end), date.text, 'span text matches the offsets');
  return date;
}

test('"resumed on Friday" in a Thursday story is the Friday before, not the next one', () => {
  const date = only('The offensive resumed on Friday after a long humanitarian pause.');
  assert.equal(date.value, '2019-03-01');
  assert.equal(date.precision, 'day');
  assert.equal(date.components.weekday, 5);
});

test('a weekday equal to the publication day is that day', () => {
  assert.equal(only('Fighters did not advance Thursday, a commander said.').value, '2019-03-07');
});

test('"Tuesday night" is the Tuesday of that week, at day precision', () => {
  const date = only('Some 400 militants were captured on Tuesday night near the river.');
  assert.equal(date.value, '2019-03-05');
  assert.equal(date.precision, 'day');
});

test('"next Monday" keeps looking forward', () => {
  assert.equal(only('Talks will resume next Monday in Geneva.').value, '2019-03-11');
});

test('"at the weekend" is the last Saturday and Sunday, as a range', () => {
  const date = only('Air strikes at the weekend took a toll on the fighters.');
  assert.equal(date.value, '2019-03-02');
  assert.equal(date.valueEnd, '2019-03-03');
  assert.equal(date.precision, 'range');
});

test('"two days earlier" counts back from the publication day', () => {
  const date = only('Its fighters entered the settlement two days earlier.');
  assert.equal(date.value, '2019-03-05');
  assert.equal(date.precision, 'day');
});

test('bare years after a preposition count, at year precision', () => {
  const dates = parseDates('The war has claimed 360,000 lives since 2011, and the group proclaimed its state in 2014.', PUBLISHED);
  assert.deepEqual(
    dates.map((d) => [d.text, d.value, d.precision]),
    [
      ['2011', '2011', 'year'],
      ['2014', '2014', 'year'],
    ],
  );
});

test('a count that looks like a year is not a date', () => {
  assert.deepEqual(parseDates('Officials said 2019 people had registered at the camp.', PUBLISHED), []);
});

test('"for 15 days" is a duration, not a date, while "on Saturday" in the same sentence is', () => {
  const dates = parseDates('The ceasefire was extended on Saturday for 15 days.', '2026-01-27');
  assert.equal(dates.length, 1);
  assert.equal(dates[0].value, '2026-01-24');
});

test('"now" is not an event date', () => {
  assert.deepEqual(parseDates('The militants are now surrounded on all sides.', PUBLISHED), []);
});

test('"a day after" an event is not counted from the publication day', () => {
  assert.deepEqual(parseDates('Trucks left the screening point a day after hundreds walked out.', PUBLISHED), []);
});

test('month and day without a year take the year closest to publication', () => {
  const date = only('Human Rights Watch said on January 25 that both sides had committed abuses.', '2026-01-27');
  assert.equal(date.value, '2026-01-25');
  const december = only('Nearly 58,000 people have fled since December.');
  assert.equal(december.value, '2018-12');
  assert.equal(december.precision, 'month');
});

test('"this week", "earlier this month" and "last year" get week, month and year precision', () => {
  const dates = parseDates('A patrol went out this week. He recognised the language earlier this month. Violence grew last year.', '2026-01-27');
  assert.deepEqual(
    dates.map((d) => [d.value, d.valueEnd ?? null, d.precision]),
    [
      ['2026-01-26', '2026-02-01', 'week'],
      ['2026-01', null, 'month'],
      ['2025', null, 'year'],
    ],
  );
});

test('"over the past three days" is a range ending on the publication day', () => {
  const date = only('More than 7,000 people have left the enclave over the past three days.');
  assert.equal(date.precision, 'range');
  assert.equal(date.value, '2019-03-05');
  assert.equal(date.valueEnd, '2019-03-07');
});

test('day ranges with one month name: "between 3 and 5 March"', () => {
  const date = only('Clashes between 3 and 5 March 2019 killed dozens.');
  assert.equal(date.value, '2019-03-03');
  assert.equal(date.valueEnd, '2019-03-05');
  assert.equal(date.precision, 'range');
});

test('without a publication date the weekday is kept and the value left empty', () => {
  const date = only('The offensive resumed on Friday.', null);
  assert.equal(date.value, null);
  assert.equal(date.components.weekday, 5);
  const month = only('Talks began on January 18.', null);
  assert.equal(month.value, null);
  assert.deepEqual(month.components, { month: 1, day: 18 });
});

test('without a publication date a fully written date still has its value', () => {
  assert.equal(only('The deal was signed on March 10, 2024 in Doha.', null).value, '2024-03-10');
  assert.equal(only('The group was founded in 2013.', null).value, '2013');
});

test('lower-case "may" and "march" are verbs, not months', () => {
  assert.deepEqual(parseDates('Talks may resume, and supporters march to the square.', PUBLISHED), []);
});

test('a date and an expression two undated sentences later are not merged into one span', () => {
  const text = 'The strike hit at night. Witnesses described a car bomb near the mosque. Since 2014 the town has been shelled.';
  assert.deepEqual(
    parseDates(text, PUBLISHED).map((d) => d.text),
    ['night', '2014'],
  );
});

test('dates after left-out (undated) sentences keep their offsets in the article', () => {
  const text =
    'Aid convoys waited at the crossing. Nobody could say why, a driver told reporters. ' +
    'Shelling resumed on Tuesday. Residents fled, and the roads were blocked. Talks were held on March 2.';
  const dates = parseDates(text, PUBLISHED);
  assert.deepEqual(dates.map((d) => d.text), ['on Tuesday', 'March 2']);
  for (const d of dates) assert.equal(text.slice(d.start, d.end), d.text);
  assert.equal(dates[0].start, text.indexOf('on Tuesday'));
  assert.deepEqual(dates.map((d) => d.value), ['2019-03-05', '2019-03-02']);
});

test('"end of March" is the last day of March, also after an undated sentence', () => {
  const text = 'The camp was quiet. The agency expects to finish the census by the end of March.';
  const date = only(text);
  assert.equal(date.text, 'end of March');
  assert.equal(date.start, text.indexOf('end of March'));
  assert.equal(date.value, '2019-03-31');
});

test('a text of one undated sentence yields no date, not even a clock time', () => {
  assert.deepEqual(parseDates('Fighters regrouped at 5 near the bridge', PUBLISHED), []);
});
