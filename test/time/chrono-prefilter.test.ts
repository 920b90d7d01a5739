import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as chrono from 'chrono-node';
import { addParserPrefilters } from '../../src/time/chrono-prefilter.js';
import { parseDates } from '../../src/time/index.js';

// Sentences written for this test, with every kind of expression chrono's English parsers read.
const SENTENCES = [
  'Shelling resumed on Friday, three days after the truce, and again at 6:30 p.m. on 4 March 2019.',
  'Two weeks ago the convoy left; it returned a month later, on March 12th, and again on 2019-03-14.',
  'The ministry said on Mon. 3/4/2019 that fighting would continue for the next two weeks.',
  'By tonight or tomorrow morning, the council expects the vote, said a spokesman yesterday.',
  'Within 48 hours of the strike, last week, and by the end of the month, aid had arrived since 2011.',
  'In January 2018 and from 3 to 5 April, clashes were reported at noon and around midnight.',
  'Sat., 9 Nov: a raid at 0400 local time, 10 minutes before dawn, in the past 24 hours.',
  'Casualty counts of 1,250 people in 12 villages of 4 districts were reported by 17 monitors.',
  'The mission ends on the last day of the month; it started this year, in 2020 Oct.',
];

test('the prefiltered chrono reads exactly what the plain one reads', () => {
  const plain = chrono.casual.clone();
  const filtered = addParserPrefilters(chrono.casual.clone());
  const instant = new Date(Date.UTC(2019, 2, 7, 12));
  const view = (results: chrono.ParsedResult[]) =>
    results.map((r) => [r.index, r.text, r.start.date().toISOString(), r.end?.date().toISOString() ?? null]);
  let read = 0;
  for (const sentence of SENTENCES) {
    const expected = view(plain.parse(sentence, { instant, timezone: 0 }));
    read += expected.length;
    assert.deepEqual(view(filtered.parse(sentence, { instant, timezone: 0 })), expected, sentence);
  }
  assert.ok(read > 20, `chrono read ${read} expressions`);
});

test('a date and an expression two undated sentences later are not merged into one span', () => {
  const text = 'The strike hit at night. Witnesses described a car bomb near the mosque. Since 2014 the town has been shelled.';
  const dates = parseDates(text, '2019-03-07');
  assert.deepEqual(
    dates.map((d) => d.text),
    ['night', '2014'],
  );
});
