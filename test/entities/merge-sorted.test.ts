import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeSortedSpans } from '../../src/entities/merge-sorted.js';
import { sortSpans } from '../../src/model/doc.js';

interface Tagged {
  start: number;
  end: number;
  tag: string;
}

/** A small deterministic generator, so a failure names the seed that gave it. */
function spans(seed: number, count: number, tag: string, ordered: boolean): Tagged[] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) % 20;
  const out = Array.from({ length: count }, (_, k) => {
    const start = next();
    return { start, end: start + (next() % 4), tag: `${tag}${k}` };
  });
  return ordered ? sortSpans(out) : out;
}

test('merging lists in layer order gives what sorting their concatenation gives, ties in list order', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const lists = [spans(seed, seed % 9, 'a', true), spans(seed * 7, seed % 5, 'b', true), spans(seed * 13, seed % 3, 'c', true)];
    const expected = sortSpans(lists.flat());
    assert.deepEqual(mergeSortedSpans(lists), expected, `seed ${seed}`);
  }
});

test('a list out of order falls back to sorting, with the same result', () => {
  for (let seed = 1; seed <= 100; seed++) {
    const lists = [spans(seed, 6, 'a', false), spans(seed * 3, 4, 'b', true)];
    assert.deepEqual(mergeSortedSpans(lists), sortSpans(lists.flat()), `seed ${seed}`);
  }
});
