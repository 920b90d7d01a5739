import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuantities } from '../../src/quantities/index.js';
import { parseDates } from '../../src/time/index.js';

function only(text: string) {
  const found = parseQuantities(text, parseDates(text, '2024-05-02'));
  assert.equal(found.length, 1, `one quantity in "${text}", got ${JSON.stringify(found)}`);
  assert.equal(text.slice(found[0].start, found[0].end), found[0].text);
  return found[0];
}

test('"more than 7,000 people": a lower bound with its qualifier and unit', () => {
  assert.deepEqual(only('More than 7,000 people have left the enclave.'), {
    text: 'More than 7,000 people', start: 0, end: 22, value: 7000, min: 7000, max: null, qualifier: 'more than', unit: 'people',
  });
});

test('"nearly 58,000" is an upper bound', () => {
  const q = only('Of the nearly 58,000 who fled, a tenth were fighters.'.replace('a tenth', 'some'));
  assert.equal(q.value, 58000);
  assert.equal(q.max, 58000);
  assert.equal(q.min, null);
  assert.equal(q.qualifier, 'nearly');
});

test('"around 4,000", "some 300", "over 60,000" and "at least 24"', () => {
  assert.equal(only('Around 4,000 people arrived at the camp.').qualifier, 'around');
  const some = only('Charges were pressed against some 300 people.');
  assert.deepEqual([some.value, some.qualifier, some.unit], [300, 'some', 'people']);
  const over = only('The camp population rose to over 60,000.');
  assert.deepEqual([over.value, over.min, over.qualifier], [60000, 60000, 'over']);
  const atLeast = only('At least 24 soldiers died in the ambush.');
  assert.deepEqual([atLeast.value, atLeast.min, atLeast.unit], [24, 24, 'soldiers']);
});

test('"hundreds" and "tens of thousands" are ranges', () => {
  const hundreds = only('A day later hundreds walked out of the village.');
  assert.deepEqual([hundreds.min, hundreds.max], [200, 999]);
  const tens = only('The war has displaced tens of thousands of families.');
  assert.deepEqual([tens.min, tens.max], [20000, 99999]);
});

test('"a tenth of" is a fraction', () => {
  const q = only('Around a tenth of the arrivals were wounded.');
  assert.equal(q.value, 0.1);
  assert.equal(q.qualifier, 'around');
});

test('number words: "two people", "twenty-five soldiers", "a dozen"', () => {
  assert.deepEqual([only('Two people were arrested.').value, only('Two people were arrested.').unit], [2, 'people']);
  assert.equal(only('The unit lost twenty-five soldiers.').value, 25);
  assert.equal(only('Rebels freed a dozen hostages.').value, 12);
});

test('"400 militants" keeps the noun as its unit, but not a verb after a number', () => {
  assert.equal(only('A senior officer said 400 militants were captured.').unit, 'militants');
  assert.equal(only('A day after hundreds streamed out of the town.').unit, null);
});

test('ranges: "between 20 and 30 people" and "20-30"', () => {
  const between = only('Between 20 and 30 people were killed.');
  assert.deepEqual([between.value, between.min, between.max], [20, 20, 30]);
  const dash = only('Officials counted 20-30 bodies.');
  assert.deepEqual([dash.min, dash.max], [20, 30]);
});

test('scaled and money amounts', () => {
  assert.equal(only('The agency said 1.5 million were displaced.').value, 1_500_000);
  const money = only('Donors pledged $5 million in aid.');
  assert.deepEqual([money.value, money.unit], [5_000_000, 'USD']);
});

test('numbers inside dates are not quantities', () => {
  assert.deepEqual(parseQuantities('HRW said on January 25 that abuses began in 2011.', parseDates('HRW said on January 25 that abuses began in 2011.', '2026-01-27')), []);
});

test('"one of several where" has no count, "several enclaves" has a vague one', () => {
  assert.deepEqual(parseQuantities('It is one of several where Kurds rule.'), []);
  const several = only('Kurds rule in several enclaves.');
  assert.deepEqual([several.min, several.max, several.unit], [3, 9, 'enclaves']);
});

test('no quantity starts inside a word or a number, one starts right after punctuation', () => {
  const text = 'Someone saw tenfold losses at Route A12 and gate B-7; (12 wounded), “three killed”, 𝐀5 too.';
  const found = parseQuantities(text);
  assert.deepEqual(
    found.map((q) => q.text),
    ['12', 'three'],
  );
  for (const q of found) assert.equal(text.slice(q.start, q.end), q.text);
  assert.deepEqual(parseQuantities('5 people').map((q) => [q.start, q.text]), [[0, '5 people']]);
});
