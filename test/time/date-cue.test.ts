/**
 * The hand-written date-cue scan answers as the pattern it stands for, on random text made of the
 * pieces that matter (cue words in any case, near-misses, digits, separators, word joiners) and on
 * news-like sentences we write here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DATE_CUE, hasDateCue } from '../../src/time/date-cue.js';

const cue = (text: string) => hasDateCue(text, 0, text.length);

test('news sentences: cues found where the pattern finds them', () => {
  const samples = [
    'Shelling resumed on Tuesday near the border.',
    'The convoy left in mid-March.',
    'Troops withdrew 3 days ago, officials said.',
    'The offensive, launched in 2019, stalled.',
    'Fighting continued overnight.',
    'A meeting was set for 12/03 in Geneva.',
    'Sept. talks collapsed.',
    'No date here at all, only words.',
    'Mayday calls and Marching orders.',
    'The 1850s saw 20th-century 2014a and _2014 and 2014_.',
    'TUESDAYS, Mondays, MONDAY, weds, thurs.',
  ];
  for (const s of samples) assert.equal(cue(s), DATE_CUE.test(s), s);
  assert.equal(cue('Shelling resumed on Tuesday.'), true);
  assert.equal(cue('No date here at all.'), false);
});

test('a cue is looked for only between start and end', () => {
  const text = 'on Monday. Nothing here';
  assert.equal(hasDateCue(text, 11, text.length), false);
  assert.equal(hasDateCue(text, 0, 9), true);
  // "12/3" cut before its second number is no cue.
  assert.equal(hasDateCue('on 12/3', 0, 6), false);
});

test('random strings of cue words, near-misses and separators: the scan agrees with the pattern', () => {
  const parts = [
    'mon', 'Monday', 'TUES', 'wednesday', 'thur', 'Thurs', 'fri', 'satur', 'sunday', 'sundays', 'jan', 'JANUARY', 'sept', 'sepember',
    'September', 'may', 'jun', 'july', 'dec', 'decade', 'decades', 'day', 'days', 'ago', 'agog', 'night', 'nightly', 'noon', 'dawn',
    'midnight', 'today', 'week', 'weekend', 'hours', 'year', 'march', 'marching', 'mar', 'a', 'x', 'foo', '1', '12', '123', '1850',
    '1999', '2014', '2099', '2100', '1799', '20', '_', ' ', ' ', ' ', '.', ',', '-', '/', "'", 'é', 'ſ', 'K', '\n', '5',
  ];
  let seed = 99;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (let round = 0; round < 20000; round++) {
    let text = '';
    const count = 1 + Math.floor(random() * 5);
    for (let k = 0; k < count; k++) text += parts[Math.floor(random() * parts.length)];
    assert.equal(cue(text), DATE_CUE.test(text), JSON.stringify(text));
  }
});
