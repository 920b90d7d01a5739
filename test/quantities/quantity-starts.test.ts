import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nextQuantity } from '../../src/quantities/parse-quantities.js';

// Quantities are looked for only where one may start (a digit, a currency sign, a number word); that
// must find the same matches, in the same order, as scanning with the full pattern everywhere.

const PIECES = [
  'one', 'One', 'ONE', 'two', 'ten', 'tens', 'often', 'someone', 'twenty', 'twenty-five', 'forty-two', 'a', 'A', 'an', 'few',
  'several', 'dozen', 'dozens', 'a dozen', 'hundred', 'hundreds', 'a hundred', 'thousand', 'thousands', 'tens of thousands',
  'million', 'millions', 'half', 'half a million', 'a half', 'a third', 'two thirds', 'three quarters', 'of', 'between',
  'from', 'and', 'to', 'killed', 'people', 'Syrian', 'refugees', '3', '12', '400', '7,000', '1.5', '2011-2014', '5-3',
  '20', '30', '$', '£', '€', '$5', '€ 3', 'more than', 'nearly', 'at least', 'up to', '%', 'percent', 'km', '_', 'é', 'Ж',
  '\u017F', '\u212A', ',', '.', '-', '–', ':', '(', ')', '"', '\n',
];
const SEPARATORS = [' ', '', ' ', '  ', ', ', '. ', '\n', '-'];

const textArbitrary = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 30 })
  .map((parts) => parts.map(([piece, separator]) => piece + separator).join(''));

function matches(text: string, plain: boolean): Array<[number, string]> {
  const found: Array<[number, string]> = [];
  let from = 0;
  let match: RegExpExecArray | null;
  while ((match = nextQuantity(text, from, plain)) !== null) {
    found.push([match.index, match[0]]);
    from = match.index + match[0].length;
  }
  return found;
}

test('quantities looked for where they may start are those a full scan finds', () => {
  fc.assert(
    fc.property(textArbitrary, (text) => {
      assert.deepEqual(matches(text, false), matches(text, true), JSON.stringify(text));
    }),
    { numRuns: 2000, seed: 11 },
  );
});

test('a news sentence gives the same quantities either way', () => {
  const text = 'Between 20 and 30 people, including twenty-five children, died; tens of thousands fled and $5 million was sent.';
  assert.deepEqual(matches(text, false), matches(text, true));
  assert.equal(matches(text, false).length, 4);
});
