/**
 * The recogniser's hand-written word scan gives exactly the words of the regex it replaces, on the
 * shapes news text throws at it: dotted initials, apostrophes and hyphens inside and at the edges
 * of words, combining marks, letters outside the Basic Multilingual Plane, stray surrogates.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanWords, WORD_PATTERN } from '../../src/places/word-scan.js';

function scanned(text: string): string[] {
  const out: string[] = [];
  scanWords(text, (start, end) => out.push(`${start}:${text.slice(start, end)}`));
  return out;
}

function byRegex(text: string): string[] {
  return [...text.matchAll(WORD_PATTERN)].map((m) => `${m.index}:${m[0]}`);
}

const SAMPLES = [
  'Troops left Ma\'arat al-Numan and Deir ez-Zor for the U.S.-backed base near Al‐Hol on Monday.',
  "U.S U.K.'s A.B.C.D. É.Ü. x-y- -ab a'' 'b ‘Ayn’ l' 123-abc 4.5 km",
  'Cafe\u0301 d\u0301 e\u0301t\u0301e\u0301 ǅemal Ǆ ß ﬁeld',
  '𝐀𝐁𝐂 𝐀.𝐁. 😀x x😀 \ud800a b\udc00 \ud83d',
  'BAGHOUZ, Syria — Residents of Hajin\'s outskirts said: "We left."',
  '',
  '---',
];

test('the scan finds the same words at the same offsets as the regex', () => {
  for (const text of SAMPLES) assert.deepEqual(scanned(text), byRegex(text), text);
});

test('dotted initials are one word; a hyphen or apostrophe joins only when a letter follows', () => {
  assert.deepEqual(scanned('U.S. Al-Hol x- Ma\'arat'), ['0:U.S.', '5:Al-Hol', '12:x', "15:Ma'arat"]);
});

test('words say whether they hold a joiner and whether they are plain lowercase ASCII', () => {
  const flags: string[] = [];
  const text = "the 12th Al-Hol town's iPhone café U.S. x";
  scanWords(text, (start, end, joined, plain) => flags.push(`${text.slice(start, end)}:${joined ? 'j' : '-'}${plain ? 'p' : '-'}`));
  assert.deepEqual(flags, ['the:-p', '12th:-p', 'Al-Hol:j-', "town's:j-", 'iPhone:--', 'café:--', 'U.S.:--', 'x:-p']);
});

test('on random strings of the characters that matter, the scan agrees with the regex, and its flags with the words', () => {
  const alphabet = ['a', 'z', 'A', 'Q', '0', '9', '_', ' ', '.', ',', "'", '’', '‘', '-', '‐', 'é', 'Ü', 'ß', '\u0301', '𝐀', '😀', '\ud800', '\n'];
  let seed = 12345;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (let round = 0; round < 3000; round++) {
    let text = '';
    const length = 1 + Math.floor(random() * 16);
    for (let k = 0; k < length; k++) text += alphabet[Math.floor(random() * alphabet.length)];
    assert.deepEqual(scanned(text), byRegex(text), JSON.stringify(text));
    scanWords(text, (start, end, joined, plain) => {
      const word = text.slice(start, end);
      assert.equal(plain, /^[a-z0-9]+$/.test(word), `plain ${JSON.stringify(word)}`);
      assert.equal(joined, !/^(?:\p{Lu}\.){2,}$/u.test(word) && /['’‘\-‐]/.test(word), `joined ${JSON.stringify(word)}`);
    });
  }
});
