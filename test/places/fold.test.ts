import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleKey, skeletonKey, strictKey } from '../../src/places/fold.js';

test('folds diacritics, case, apostrophes and hyphens', () => {
  assert.equal(strictKey('Al Qāmishlī'), 'al qamishli');
  assert.equal(strictKey('‘Ayn al ‘Arab'), 'ayn al arab');
  assert.equal(strictKey("Ma'arat al-Numan"), 'maarat al numan');
});

test('the Arabic article is optional: "Al-Hol" and "El Hol" share a key with "Hol"', () => {
  assert.equal(articleKey('Al-Hol'), 'hol');
  assert.equal(articleKey('El Hol'), 'hol');
  assert.equal(articleKey('Deir ez-Zor'), 'deir zor');
  // Without a hyphen, "as" is an English word and stays.
  assert.equal(articleKey('Kansas City'), 'kansas city');
});

test('"Deir ez-Zor", "Deir al-Zour" and "Dayr az Zawr" have one skeleton', () => {
  const keys = new Set(['Deir ez-Zor', 'Deir al-Zour', 'Dayr az Zawr'].map(skeletonKey));
  assert.equal(keys.size, 1);
  assert.equal(skeletonKey('Ain al-Arab'), skeletonKey('‘Ayn al ‘Arab'));
  assert.notEqual(skeletonKey('Hama'), skeletonKey('Homs'));
});

test('plain ASCII names fold as names with accents do: apostrophes dropped, other marks one space', () => {
  // ASCII names take a one-pass path; each pair must agree with the Unicode fold of its accented twin.
  const pairs: Array<[string, string]> = [
    ["  Ma'arat  al-Nu`man (south) ", '  Maʿārat  al-Nuʿmān (south) '],
    ['DEIR EZ-ZOR/Raqqa--road.', 'DÉIR EZ-ZÓR/Raqqa--road.'],
    ['Tal Abyad\t\n2', 'Tal Abyaḍ\t\n2'],
  ];
  for (const [ascii, accented] of pairs) assert.equal(strictKey(ascii), strictKey(accented), ascii);
  assert.equal(strictKey("  Ma'arat  al-Nu`man (south) "), 'maarat al numan south');
  assert.equal(strictKey('--'), '');
  // The article shortcut: no article word, the strict key as it is; one, dropped as before.
  assert.equal(articleKey('Tal Abyad'), 'tal abyad');
  assert.equal(articleKey('Tal al-Abyad'), 'tal abyad');
});
